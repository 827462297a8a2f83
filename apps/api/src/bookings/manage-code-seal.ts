import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * The manage code is looked up by its hash, but every later message (a change, the reminder) must
 * carry the manage link again, so the code is also kept sealed: AES-256-GCM under a key derived
 * from the API's secret. A copy of the database alone yields no usable code. Node's own crypto,
 * not a hand-made cipher; GCM authenticates, so a tampered value fails instead of decrypting.
 */
export class ManageCodeSeal {
  private readonly key: Buffer;

  constructor(apiSecret: string) {
    this.key = createHmac('sha256', apiSecret).update('distans:manage-code-seal').digest();
  }

  seal(code: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([cipher.update(code, 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString('base64url')).join('.');
  }

  /** Null for a booking made before codes were sealed, or sealed under another secret. */
  open(sealed: string | null): string | null {
    if (!sealed) return null;
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    if (!iv || !tag || !data) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
