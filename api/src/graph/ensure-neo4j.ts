import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../config.ts';

/** How to reach a Neo4j server, and how to let go of it. */
export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
  database: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  /** Pid of the embedded server's JVM, when there is one. */
  pid?: number;
  stop(): Promise<void>;
}

export interface EnsureNeo4jOptions {
  uri?: string;
  user?: string;
  password?: string;
  database?: string;
  dataDir: string;
  boltPort: number;
  heap?: string;
  pageCacheMiB?: number;
  /** Progress lines for people (build, start); defaults to stderr. */
  log?: (line: string) => void;
}

const launcherDir = path.join(projectRoot, 'neo4j');
const launcherJar = path.join(launcherDir, 'target', 'neo4j-launcher-1.0.0.jar');
const classpathFile = path.join(launcherDir, 'target', 'classpath.txt');
const readyPattern = /^NEO4J_READY (bolt:\/\/\S+)$/m;
const startTimeoutMs = 180_000;

// Neo4j's own launcher passes these on Java 17+; without them the page cache and Netty log warnings or fail.
const jvmFlags = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-XX:+UseG1GC',
];

const launcherInfoSchema = z.object({ pid: z.number().int().positive(), bolt: z.string() });

/**
 * Returns a Neo4j to talk to: the external one named by `uri`, or else the embedded server for
 * `dataDir`, reusing one that another process already runs for that folder (only one process may
 * open a store) and otherwise building and starting the launcher in `neo4j/`.
 */
export async function ensureNeo4j(options: EnsureNeo4jOptions): Promise<Neo4jConnection> {
  const database = options.database ?? 'neo4j';
  if (options.uri) {
    return {
      uri: options.uri,
      user: options.user,
      password: options.password,
      database,
      owned: false,
      stop: async () => {},
    };
  }

  const running = await findRunningServer(options.dataDir);
  if (running) return { ...running, database, owned: false, stop: async () => {} };

  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const java = findJava();
  ensureLauncherBuilt(log);
  await mkdir(options.dataDir, { recursive: true });

  log(`Starting embedded Neo4j on 127.0.0.1:${options.boltPort} with data in ${options.dataDir} …`);
  const child = spawn(
    java,
    [
      `-Xmx${options.heap ?? '2g'}`,
      ...jvmFlags,
      '-cp',
      `${launcherJar}${path.delimiter}${readFileSync(classpathFile, 'utf8').trim()}`,
      'chainscout.EmbeddedNeo4j',
      options.dataDir,
      String(options.boltPort),
      String(options.pageCacheMiB ?? 1024),
    ],
    // stdin stays open as a lifeline: the launcher shuts down when it closes, so it never outlives us.
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );

  try {
    const uri = await waitForReady(child);
    return embeddedConnection(child, uri, database);
  } catch (error) {
    // Another process may have won the race for this data folder: use its server.
    const winner = await findRunningServer(options.dataDir, 30_000);
    if (winner) return { ...winner, database, owned: false, stop: async () => {} };
    throw error;
  }
}

function embeddedConnection(child: ChildProcess, uri: string, database: string): Neo4jConnection {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const killOnExit = () => child.kill('SIGTERM');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    database,
    owned: true,
    pid: child.pid,
    stop() {
      stopping ??= (async () => {
        process.removeListener('exit', killOnExit);
        if (child.exitCode === null) {
          child.kill('SIGTERM');
          const forced = setTimeout(() => child.kill('SIGKILL'), 60_000);
          await exited;
          clearTimeout(forced);
        }
      })();
      return stopping;
    },
  };
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Embedded Neo4j did not start within ${startTimeoutMs / 1000} s.\n${tail(stderr)}`));
    }, startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = readyPattern.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-20_000);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(
          `Embedded Neo4j exited before it was ready (${signal ?? `code ${code}`}).\n${tail(stderr)}`,
        ),
      );
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** The server another process runs for this data folder, if its launcher file is current. */
async function findRunningServer(
  dataDir: string,
  waitMs = 0,
): Promise<{ uri: string; pid: number } | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const info = readLauncherInfo(dataDir);
    if (info && isAlive(info.pid) && (await canConnect(info.bolt))) return { uri: info.bolt, pid: info.pid };
    if (Date.now() >= deadline) return undefined;
    await new Promise((r) => setTimeout(r, 500));
  }
}

function readLauncherInfo(dataDir: string): z.infer<typeof launcherInfoSchema> | undefined {
  const file = path.join(dataDir, 'launcher.json');
  if (!existsSync(file)) return undefined;
  try {
    const parsed = launcherInfoSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // Half-written or garbage: treat as absent, the owner rewrites it atomically.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function canConnect(boltUri: string): Promise<boolean> {
  const url = new URL(boltUri);
  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname, port: Number(url.port) });
    socket.setTimeout(2000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

function findJava(): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Java 17 or newer is needed for the embedded Neo4j: install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk`) or set NEO4J_URI to an existing Neo4j.',
    );
  }
  const major = Number(/version "(\d+)/.exec(probe.stderr)?.[1] ?? 0);
  if (major < 17) {
    throw new Error(
      `Java ${major} was found but the embedded Neo4j needs Java 17 or newer: install JDK 17+ and point JAVA_HOME at it, or set NEO4J_URI.`,
    );
  }
  return java;
}

/** Builds the launcher with Maven unless its jar and every jar on its classpath are present. */
function ensureLauncherBuilt(log: (line: string) => void): void {
  if (isLauncherBuilt()) return;
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'Maven is needed once to fetch Neo4j for the embedded server: install it (e.g. `apt-get install maven`) or set NEO4J_URI to an existing Neo4j.',
    );
  }
  log('Building the embedded Neo4j launcher with Maven (first run only; fetches Neo4j 5.26) …');
  const build = spawnSync('mvn', ['-q', '-B', '-f', path.join(launcherDir, 'pom.xml'), 'package'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (build.status !== 0 || !isLauncherBuilt()) {
    throw new Error(
      `Building the Neo4j launcher with Maven failed:\n${tail(`${build.stdout}\n${build.stderr}`)}`,
    );
  }
}

function isLauncherBuilt(): boolean {
  if (!existsSync(launcherJar) || !existsSync(classpathFile)) return false;
  const entries = readFileSync(classpathFile, 'utf8').trim().split(path.delimiter);
  return entries.length > 0 && entries.every((jar) => existsSync(jar));
}

function tail(text: string, lines = 25): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
