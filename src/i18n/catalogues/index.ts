import type { AppLanguage } from '../../domain/app-language.js';
import { de } from './de.js';
import { en, type MessageKey } from './en.js';
import { es } from './es.js';

export type { MessageKey } from './en.js';

export const CATALOGUES: Record<AppLanguage, Record<MessageKey, string>> = { en, de, es };
