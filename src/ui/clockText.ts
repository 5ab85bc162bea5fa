/** m:ss, and h:mm:ss past an hour (defined in the core, beside the other report formatters). */
export { formatDuration } from '../text/format.js';
