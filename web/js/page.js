// Pages without behaviour of their own: only the messages and the language switch.
import { loadMessages } from './i18n.js';

await loadMessages();
