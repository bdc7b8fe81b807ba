/** The package ships its declarations as `index.ts.d`, which TypeScript does not find; the part we use. */
declare module 'unicode-confusables' {
  /** Replaces each code point listed in Unicode's confusables.txt by its prototype (and drops zero-width ones). */
  export function rectifyConfusion(input: string): string;
}
