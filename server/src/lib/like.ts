/** Escapes LIKE/ILIKE wildcards so user input matches literally (default escape character \). */
export const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);
