// GitHub's heading anchors, shared by the docs site (imported by the generated MDX pages, so no
// Node imports here) and the link check.

/**
 * The GitHub anchor of a heading (github-slugger): lower case, punctuation other than `-` and `_`
 * dropped, spaces to `-`. Markdown syntax in the heading counts as punctuation.
 * @param {string} heading
 * @returns {string}
 */
export function githubSlug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}
