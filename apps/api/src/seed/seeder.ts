import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/** Placeholder replaced by the demo data seeder. */
export async function seedDemoData(_db: DataSource, _config: AppConfig, _log: (line: string) => void): Promise<string> {
  return '';
}
