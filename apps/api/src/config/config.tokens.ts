/** Injection token for the validated AppConfig instance. */
export const APP_CONFIG = Symbol('APP_CONFIG');
/** Injection token for the root pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
