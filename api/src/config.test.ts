import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('uses the embedded Neo4j and port 3000 by default', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.neo4j.dataDir).toMatch(/\.data\/neo4j$/);
  });

  it('honours PORT and treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '8080', NEO4J_URI: '', NEO4J_DATABASE: '' });
    expect(config.port).toBe(8080);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.database).toBe('neo4j');
  });

  it('lists every problem with the variable name', () => {
    expect(() => loadConfig({ PORT: 'eighty', NEO4J_URI: 'http://x' })).toThrow(
      /PORT: must be a port number.*\n.*NEO4J_URI: must start with bolt:\/\/ or neo4j:\/\//,
    );
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687', NEO4J_USER: 'neo4j' })).toThrow(
      /NEO4J_PASSWORD: is required/,
    );
  });

  it('keeps sessions 12 hours unless SESSION_TTL_HOURS says otherwise', () => {
    expect(loadConfig({}).sessionTtlHours).toBe(12);
    expect(loadConfig({ SESSION_TTL_HOURS: '0.5' }).sessionTtlHours).toBe(0.5);
    expect(() => loadConfig({ SESSION_TTL_HOURS: '0' })).toThrow(
      /SESSION_TTL_HOURS: must be more than 0 hours/,
    );
  });

  it('warms the read cache after a start unless WARM_UP is false', () => {
    expect(loadConfig({}).warmUp).toBe(true);
    expect(loadConfig({ WARM_UP: 'false' }).warmUp).toBe(false);
    expect(() => loadConfig({ WARM_UP: 'maybe' })).toThrow(/WARM_UP: must be true or false/);
  });
});
