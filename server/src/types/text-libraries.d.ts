// The two text libraries the insights use ship no type declarations; these cover what is called.
declare module 'wink-porter2-stemmer' {
  /** The Porter2 (English) stem of one lower-case word. */
  export default function stem(word: string): string;
}

declare module 'stopword' {
  /** English stop words, lower case. */
  export const eng: string[];
}
