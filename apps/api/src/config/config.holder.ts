import type { AppConfig } from './app-config';

let current: AppConfig | undefined;

/** Set once by AppModule.forRoot; read only where Nest's DI cannot reach (decorator options). */
export function holdConfig(config: AppConfig): void {
  current = config;
}

export function loadedConfig(): AppConfig {
  if (!current) throw new Error('Configuration has not been loaded yet');
  return current;
}
