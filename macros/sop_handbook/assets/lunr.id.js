/*
 * Indonesian for lunr, the search engine inside Material for MkDocs.
 *
 * Material's search worker loads lunr/min/lunr.<lang>.min.js for the search
 * language and calls `builder.use(lunr[lang])`. The handbook's build writes
 * lunr.id.min.js from sastrawi.js, this file and a last line with the
 * handbook's data: `lunr.id.setup({separator, dictionary, stopWords, padanan})`.
 *
 * What it does:
 * - Index: every word is indexed as written and as its root (Sastrawi stemmer
 *   over the dictionary of roots the handbook uses), so "susun" finds
 *   "penyusunan" and partly typed words still find words as written.
 * - Padanan: a single-word term and its spelled-out form find each other in
 *   both directions. An abbreviation gets the roots of its full form; the
 *   full form, found as a run of words, gets the abbreviation; the longest
 *   run wins ("Rencana Kerja dan Anggaran" is RKA, not Renja). Closed
 *   compounds work the same way ("tandatangan" and "tanda tangan").
 * - Queries: Material appends "*" to every query word so that results come
 *   while typing, and lunr runs no search pipeline on wildcard words. So
 *   clauses are rewritten as they are added to a query: stop words dropped,
 *   the word replaced by its root, and a word that no indexed word starts
 *   with replaced by the closest indexed word (typos), if there is one.
 */
(function (root) {
  "use strict";

  var lunr = root.lunr;
  var WORD = /^[a-z]+(?:-[a-z]+)*$/;
  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  // Optimal string alignment distance (edits and swaps of neighbours), or
  // limit + 1 as soon as it must exceed the limit.
  function distance(a, b, limit) {
    var previous2 = null, previous = [], current, i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      current = [i];
      var rowMin = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          d = Math.min(d, previous2[j - 2] + 1);
        current.push(d);
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > limit) return limit + 1;
      previous2 = previous; previous = current;
    }
    return previous[b.length];
  }

  function setup(data) {
    var stemWord = root.sastrawi.createStemmer(data.dictionary);
    var stopWords = new Set(data.stopWords);
    var separator = new RegExp(data.separator);
    var indexed = new Map(); // indexed word -> how many times
    var sorted = null;

    function stem(word) {
      return WORD.test(word) ? stemWord(word) : word;
    }

    function phraseRoots(text) {
      return text.toLowerCase().split(separator)
        .map(function (word) { return word.replace(EDGES, ""); })
        .filter(function (word) { return word && !stopWords.has(word); })
        .map(stem);
    }

    // term -> roots of its spelled-out form; first root -> spelled-out forms, longest first
    var expansions = new Map();
    var phrases = new Map();
    data.padanan.forEach(function (pair) {
      var term = pair[0];
      var roots = phraseRoots(pair[1]);
      expansions.set(term, roots);
      if (roots.length < 2) return;
      var list = phrases.get(roots[0]) || [];
      list.push({ term: term, roots: roots });
      list.sort(function (a, b) { return b.roots.length - a.roots.length; });
      phrases.set(roots[0], list);
    });

    function phraseAt(tokens, i, rootWord) {
      var candidates = phrases.get(rootWord);
      if (!candidates) return null;
      for (var c = 0; c < candidates.length; c++) {
        var roots = candidates[c].roots;
        if (i + roots.length > tokens.length) continue;
        var all = roots.every(function (r, k) { return stem(tokens[i + k].toString()) === r; });
        if (all) return candidates[c].term;
      }
      return null;
    }

    // The terms a word is indexed under: as written, its root, what it stands for.
    var termsCache = new Map();
    function termsOf(word) {
      var terms = termsCache.get(word);
      if (!terms) {
        terms = [word, stem(word)].concat(expansions.get(stem(word)) || []);
        terms = Array.from(new Set(terms));
        termsCache.set(word, terms);
      }
      return terms;
    }

    function trimmer(token) {
      return token.update(function (s) { return s.replace(EDGES, ""); });
    }

    var stopWordFilter = lunr.generateStopWordFilter(data.stopWords);

    // Index pipeline: a word's terms, and the abbreviation or compound that a
    // run of words starting with it spells out.
    function stemmer(token, i, tokens) {
      var word = token.toString();
      var terms = termsOf(word);
      var term = tokens ? phraseAt(tokens, i, terms[1] || terms[0]) : null;
      if (term && terms.indexOf(term) < 0) terms = terms.concat([term]);
      return terms.map(function (t, k) {
        indexed.set(t, (indexed.get(t) || 0) + 1);
        return k === 0 ? token : token.clone(function () { return t; });
      });
    }

    // Search pipeline (words without wildcard, e.g. a quoted phrase): the root.
    function queryStemmer(token) {
      return token.update(stem);
    }

    function sortedTerms() {
      if (sorted === null || sorted.length !== indexed.size) sorted = Array.from(indexed.keys()).sort();
      return sorted;
    }

    function startsAnIndexedWord(prefix) {
      var terms = sortedTerms();
      var lo = 0, hi = terms.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (terms[mid] < prefix) lo = mid + 1; else hi = mid;
      }
      return lo < terms.length && terms[lo].indexOf(prefix) === 0;
    }

    // The indexed word closest to a word that none starts with: same first
    // letter (typos rarely touch it), at most 1 edit (2 from 7 letters on),
    // the most frequent among the closest. Null when there is none.
    function correction(word) {
      var limit = word.length < 7 ? 1 : 2;
      var best = null, bestDistance = limit + 1, bestCount = 0;
      sortedTerms().forEach(function (term) {
        if (term[0] !== word[0] || Math.abs(term.length - word.length) > limit) return;
        var d = distance(word, term, limit);
        if (d > limit) return;
        var count = indexed.get(term);
        if (d < bestDistance || (d === bestDistance && count > bestCount)) {
          best = term; bestDistance = d; bestCount = count;
        }
      });
      return best;
    }

    // A query word as Material sends it ("menyusun*"), rewritten; null to drop it.
    function rewrite(clause) {
      var word = clause.term.slice(0, -1).replace(EDGES, "");
      if (!word || stopWords.has(word)) return null;
      var rootWord = stem(word);
      var corrected = rootWord.length >= 4 && indexed.size && !startsAnIndexedWord(rootWord) && correction(rootWord);
      clause.term = corrected || rootWord + "*";
      return clause;
    }

    var addClause = lunr.Query.prototype.clause;
    lunr.Query.prototype.clause = function (clause) {
      var trailingWildcardOnly = clause.usePipeline === false && /^[^*]+\*$/.test(clause.term || "");
      if (!trailingWildcardOnly) return addClause.call(this, clause);
      var rewritten = rewrite(clause);
      return rewritten ? addClause.call(this, rewritten) : this;
    };

    lunr.Pipeline.registerFunction(trimmer, "trimmer-id");
    lunr.Pipeline.registerFunction(stopWordFilter, "stopWordFilter-id");
    lunr.Pipeline.registerFunction(stemmer, "stemmer-id");
    lunr.Pipeline.registerFunction(queryStemmer, "queryStemmer-id");

    lunr.id.trimmer = trimmer;
    lunr.id.stopWordFilter = stopWordFilter;
    lunr.id.stemmer = stemmer;
    lunr.id.stem = stem;
  }

  lunr.id = function () {
    this.pipeline.reset();
    this.pipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer);
    this.searchPipeline.reset();
    this.searchPipeline.add(lunr.Pipeline.registeredFunctions["queryStemmer-id"]);
  };
  lunr.id.setup = setup;
})(typeof self !== "undefined" ? self : globalThis);
