/** subset-font 2.x ships no types; the one call scripts/subsetFont.ts makes. */
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: 'truetype' | 'woff' | 'woff2' | 'sfnt'; noHinting?: boolean },
  ): Promise<Buffer>;
}
