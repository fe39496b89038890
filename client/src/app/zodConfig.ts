import { z } from 'zod';

// Zod compiles object parsers with `new Function` unless told not to. The server's
// Content-Security-Policy has no 'unsafe-eval', so even zod's probe for it is reported as a CSP
// violation on every page load. The interpreted parsers are plenty fast for our small inputs.
// This module must be imported before anything parses.
z.config({ jitless: true });
