import type { Role } from '../../../../api/src/domain/auth/session-user.ts';
import { defineMessages } from '../../lib/i18n.ts';

export const authMessages = defineMessages({
  'zh-CN': {
    title: '登录',
    intro: '产业链图谱与招商数据仅对授权用户开放，请使用分配的账号登录。',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    wrongCredentials: '用户名或密码错误。',
    disabled: '该账号已停用，请联系管理员。',
    tooMany: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试。`,
    failed: '暂时无法登录，请稍后重试。',
    logOut: '退出登录',
    role: (role: Role) => ({ admin: '管理员', analyst: '市级分析员', district: '区（市）县用户' })[role],
  },
  en: {
    title: 'Log in',
    intro:
      'The chain maps and investment data are for authorised users; log in with the account you were given.',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    wrongCredentials: 'Wrong username or password.',
    disabled: 'This account is disabled; please contact an administrator.',
    tooMany: (minutes: number) => `Too many failed logins; try again in ${minutes} min.`,
    failed: 'Logging in is not possible right now; please try again shortly.',
    logOut: 'Log out',
    role: (role: Role) => ({ admin: 'Admin', analyst: 'City analyst', district: 'District user' })[role],
  },
});
