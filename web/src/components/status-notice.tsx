import { ApiError } from '../lib/api-client.ts';
import { defineMessages, useMessages } from '../lib/i18n.ts';

const messages = defineMessages({
  'zh-CN': {
    loading: '正在加载…',
    retry: '重试',
    network: '无法连接服务器。请检查网络或确认服务已启动，然后重试。',
    notFound: '找不到请求的内容。',
    unavailable: '数据服务暂时不可用，请稍后重试。',
    serverError: '服务器处理请求时出错，请稍后重试。',
    rejected: '服务器未接受这个请求。',
    invalidResponse: '服务器返回的数据与页面预期的格式不一致，请联系管理员。',
    unknown: '页面出现意外错误。',
    detail: (text: string) => `详情：${text}`,
  },
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    network:
      'Cannot reach the server. Check the connection or whether the service is running, then try again.',
    notFound: 'What you asked for was not found.',
    unavailable: 'The data service is temporarily unavailable. Please try again shortly.',
    serverError: 'The server ran into a problem. Please try again shortly.',
    rejected: 'The server did not accept this request.',
    invalidResponse:
      "The server's answer did not match what this page expects. Please tell an administrator.",
    unknown: 'Something unexpected went wrong on this page.',
    detail: (text: string) => `Details: ${text}`,
  },
});

export function LoadingNotice({ label }: { label?: string }) {
  const m = useMessages(messages);
  return (
    <output className="notice notice-loading" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label ?? m.loading}
    </output>
  );
}

interface ErrorNoticeProps {
  error: unknown;
  onRetry?: () => void;
  /** A more specific sentence for 404, e.g. "this chain does not exist". */
  notFoundText?: string;
}

export function ErrorNotice({ error, onRetry, notFoundText }: ErrorNoticeProps) {
  const m = useMessages(messages);
  const headline = (() => {
    if (!(error instanceof ApiError)) return m.unknown;
    if (error.kind === 'network') return m.network;
    if (error.kind === 'invalid-response') return m.invalidResponse;
    if (error.status === 404) return notFoundText ?? m.notFound;
    if (error.status === 503) return m.unavailable;
    if (error.status !== null && error.status >= 500) return m.serverError;
    return m.rejected;
  })();
  // The API's own message is written for people; client-side fallbacks only add the code.
  const detail =
    error instanceof ApiError
      ? [error.fromServer ? error.message : null, error.code].filter(Boolean).join(' · ')
      : error instanceof Error
        ? error.message
        : '';

  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-headline">{headline}</p>
      {detail !== '' && <p className="notice-detail">{m.detail(detail)}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {m.retry}
        </button>
      )}
    </div>
  );
}
