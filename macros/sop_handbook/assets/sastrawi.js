/*
 * Sastrawi: a stemmer for Indonesian, in JavaScript.
 *
 * A rule-by-rule port of the Python package Sastrawi 1.0.1
 * (https://github.com/har07/PySastrawi, Hanif Amal Robbani), itself a port
 * of Sastrawi for PHP by Andy Librian (https://github.com/sastrawi/sastrawi).
 * For any input, `stem(text)` returns what Python's
 * `Stemmer(ArrayDictionary(words)).stem(text)` returns: text normalisation,
 * plurals, the Context and its visitors, the prefix disambiguator rules
 * 1a..42 in Sastrawi's order and with its regular expressions, precedence
 * adjustment and the loop of restoring suffixes. The dictionary of root
 * words is the caller's; none is included here.
 *
 * The algorithm, after the literature Sastrawi names:
 * - Nazief & Adriani (1996), dictionary-based affix removal for Indonesian;
 * - Asian, Williams & Tahaghoghi (2005), "Stemming Indonesian", Confix
 *   Stripping (CS), and J. Asian (2007), "Effective Techniques for Indonesian
 *   Text Retrieval", PhD thesis, RMIT University: rule changes, infix rules,
 *   precedence adjustment, plurals;
 * - Arifin, Mahendra & Ciptaningtyas (2009), "Enhanced Confix Stripping
 *   Stemmer and Ants Algorithm for Classifying News Document in Indonesian
 *   Language", ICTS: Enhanced CS, with the loop of restoring suffixes
 *   ("loop pengembalian akhiran");
 * - Tahitoe & Purwitasari (2010), modified ECS; Sastrawi's rules 41 (ku-)
 *   and 42 (kau-).
 *
 * Regular expressions: Python's `$` also matches before a final newline, and
 * JavaScript's `.` also stops at "\r" and counts UTF-16 code units. The rules
 * only ever see normalised words, made of a-z, 0-9, "-", "ı" and "ſ" (the
 * last two kept by Python's case-insensitive normaliser), on which both
 * engines match alike.
 *
 * Usage, as a classic script (global `sastrawi`) or in Node (require):
 *   var stem = sastrawi.createStemmer(["ajar", "susun"]);
 *   stem("penyusunan"); // "susun"
 *
 * Licence of Sastrawi (MIT), from the LICENSE files of both projects:
 *
 *   The MIT License (MIT)
 *
 *   Copyright (c) 2014 Andy Librian
 *   Copyright (c) 2016 Hanif Amal Robbani
 *
 *   Permission is hereby granted, free of charge, to any person obtaining a
 *   copy of this software and associated documentation files (the
 *   "Software"), to deal in the Software without restriction, including
 *   without limitation the rights to use, copy, modify, merge, publish,
 *   distribute, sublicense, and/or sell copies of the Software, and to
 *   permit persons to whom the Software is furnished to do so, subject to
 *   the following conditions:
 *
 *   The above copyright notice and this permission notice shall be included
 *   in all copies or substantial portions of the Software.
 *
 *   THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
 *   OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF
 *   MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT.
 *   IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY
 *   CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT,
 *   TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
 *   SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    root.sastrawi = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // --- Text normalisation (Sastrawi.Stemmer.Filter.TextNormalizer) ---------

  // Python's [^a-z0-9 -] with re.IGNORECASE also spares "ı" and "ſ", which
  // match "i" and "s" case-insensitively; after lower() nothing else differs.
  var NOT_KEPT = /[^a-z0-9 \u0131\u017f-]/g;

  function normalizeText(text) {
    return text.toLowerCase().replace(NOT_KEPT, " ").replace(/( +)/g, " ").trim();
  }

  // --- Removals and the visitors that make them -----------------------------

  // Affix types: derivational prefix, derivational suffix, possessive pronoun, particle.
  var DP = "DP";
  var SUFFIX_TYPES = ["DS", "PP", "P"];

  // Python computes the removed part with re.sub(result, "", subject, 1). A
  // result never holds a regular expression character, so that removes its
  // first literal occurrence; an empty result removes nothing, and the
  // removed part is then the whole subject ("kan" -> "" removed "kan").
  function recordRemoval(context, result, affixType) {
    var subject = context.currentWord;
    context.removals.push({
      subject: subject,
      result: result,
      removedPart: subject.replace(result, ""),
      affixType: affixType,
    });
    context.currentWord = result;
  }

  // RemoveInflectionalParticle, RemoveInflectionalPossessivePronoun,
  // RemoveDerivationalSuffix and RemovePlainPrefix: one substitution.
  function affixRemover(pattern, affixType) {
    return {
      visit: function (context) {
        var result = context.currentWord.replace(pattern, "");
        if (result !== context.currentWord) {
          recordRemoval(context, result, affixType);
        }
      },
    };
  }

  var dontStemShortWord = {
    visit: function (context) {
      if (context.currentWord.length <= 3) {
        context.processIsStopped = true;
      }
    },
  };

  // PrefixDisambiguator: the rules are tried in order until one gives a word
  // of the dictionary; otherwise the last rule's result is taken, and there is
  // no removal when that rule does not match, even if an earlier one did.
  function prefixDisambiguator(rules) {
    return {
      visit: function (context) {
        var result;
        for (var i = 0; i < rules.length; i++) {
          result = rules[i](context.currentWord);
          if (context.contains(result)) {
            break;
          }
        }
        if (result) {
          recordRemoval(context, result, DP);
        }
      },
    };
  }

  // --- Prefix disambiguator rules (Sastrawi.Morphology.Disambiguator) -------

  // A rule: when `pattern` matches, `build` makes the candidate root from the
  // match (or returns undefined, Python's None, to reject it).
  function rule(pattern, build) {
    return function (word) {
      var match = pattern.exec(word);
      return match ? build(match) : undefined;
    };
  }

  function exactly(word, root) {
    return function (candidate) {
      return candidate === word ? root : undefined;
    };
  }

  function startsWithEr(text) {
    return /^er(.*)$/.test(text);
  }

  function joined(match) {
    return match.slice(1).join("");
  }

  function prefixed(letters) {
    return function (match) {
      return letters + joined(match);
    };
  }

  var PE_LV = rule(/^pe(l[aiueo])(.*)$/, joined);

  // Rules 3 and 5 have no "^" in Sastrawi, but re.match anchors them at the start.
  var RULES = {
    // 1a berV -> ber-V; 1b berV -> be-rV
    r1a: rule(/^ber([aiueo].*)$/, joined),
    r1b: rule(/^ber([aiueo].*)$/, prefixed("r")),
    // 2 berCAP -> ber-CAP where C != "r" and P != "er"
    r2: rule(/^ber([bcdfghjklmnpqrstvwxyz])([a-z])(.*)/, function (m) {
      return startsWithEr(m[3]) ? undefined : joined(m);
    }),
    // 3 berCAerV -> ber-CAerV where C != "r"
    r3: rule(/^ber([bcdfghjklmnpqrstvwxyz])([a-z])er([aiueo])(.*)/, function (m) {
      return m[1] === "r" ? undefined : m[1] + m[2] + "er" + m[3] + m[4];
    }),
    // 4 belajar -> bel-ajar
    r4: exactly("belajar", "ajar"),
    // 5 beC1erC2 -> be-C1erC2 where C1 != "r"
    r5: rule(/^be([bcdfghjklmnpqstvwxyz])(er[bcdfghjklmnpqrstvwxyz])(.*)$/, joined),
    // 6a terV -> ter-V; 6b terV -> te-rV
    r6a: rule(/^ter([aiueo].*)$/, joined),
    r6b: rule(/^ter([aiueo].*)$/, prefixed("r")),
    // 7 terCerV -> ter-CerV where C != "r"
    r7: rule(/^ter([bcdfghjklmnpqrstvwxyz])er([aiueo].*)$/, function (m) {
      return m[1] === "r" ? undefined : m[1] + "er" + m[2];
    }),
    // 8 terCP -> ter-CP where C != "r" and P != "er"
    r8: rule(/^ter([bcdfghjklmnpqrstvwxyz])(.*)$/, function (m) {
      return m[1] === "r" || startsWithEr(m[2]) ? undefined : joined(m);
    }),
    // 9 te-C1erC2 -> te-C1erC2 where C1 != "r"
    r9: rule(/^te([bcdfghjklmnpqrstvwxyz])er([bcdfghjklmnpqrstvwxyz])(.*)$/, function (m) {
      return m[1] === "r" ? undefined : m[1] + "er" + m[2] + m[3];
    }),
    // 10 me{l|r|w|y}V -> me-{l|r|w|y}V
    r10: rule(/^me([lrwy])([aiueo])(.*)$/, joined),
    // 11 mem{b|f|v} -> mem-{b|f|v}
    r11: rule(/^mem([bfv])(.*)$/, joined),
    // 12 mempe -> mem-pe
    r12: rule(/^mempe(.*)$/, prefixed("pe")),
    // 13a mem{rV|V} -> me-m{rV|V}; 13b mem{rV|V} -> me-p{rV|V}
    r13a: rule(/^mem([aiueo])(.*)$/, prefixed("m")),
    r13b: rule(/^mem([aiueo])(.*)$/, prefixed("p")),
    // 14 men{c|d|j|s|t|z} -> men-{c|d|j|s|t|z}
    r14: rule(/^men([cdjstz])(.*)$/, joined),
    // 15a men{V} -> me-n{V}; 15b men{V} -> me-t{V}
    r15a: rule(/^men([aiueo])(.*)$/, prefixed("n")),
    r15b: rule(/^men([aiueo])(.*)$/, prefixed("t")),
    // 16 meng{g|h|q|k} -> meng-{g|h|q|k} (Sastrawi's class also holds "|")
    r16: rule(/^meng([g|h|q|k])(.*)$/, joined),
    // 17a mengV -> meng-V; 17b mengV -> meng-kV; 17c menge -> menge-; 17d mengV -> me-ngV
    r17a: rule(/^meng([aiueo])(.*)$/, joined),
    r17b: rule(/^meng([aiueo])(.*)$/, prefixed("k")),
    r17c: rule(/^menge(.*)$/, joined),
    r17d: rule(/^meng([aiueo])(.*)$/, prefixed("ng")),
    // 18a menyV -> me-nyV; 18b menyV -> meny-sV
    r18a: rule(/^meny([aiueo])(.*)$/, prefixed("ny")),
    r18b: rule(/^meny([aiueo])(.*)$/, prefixed("s")),
    // 19 mempA -> mem-pA where A != "e"
    r19: rule(/^memp([abcdfghijklmopqrstuvwxyz])(.*)$/, prefixed("p")),
    // 20 pe{w|y}V -> pe-{w|y}V
    r20: rule(/^pe([wy])([aiueo])(.*)$/, joined),
    // 21a perV -> per-V; 21b perV -> pe-rV
    r21a: rule(/^per([aiueo])(.*)$/, joined),
    r21b: rule(/^pe(r[aiueo])(.*)$/, joined),
    // 23 perCAP -> per-CAP where C != "r" and P != "er"
    r23: rule(/^per([bcdfghjklmnpqrstvwxyz])([a-z])(.*)$/, function (m) {
      return startsWithEr(m[3]) ? undefined : joined(m);
    }),
    // 24 perCAerV -> per-CAerV where C != "r"
    r24: rule(/^per([bcdfghjklmnpqrstvwxyz])([a-z])er([aiueo])(.*)$/, function (m) {
      return m[1] === "r" ? undefined : m[1] + m[2] + "er" + m[3] + m[4];
    }),
    // 25 pem{b|f|v} -> pem-{b|f|v}
    r25: rule(/^pem([bfv])(.*)$/, joined),
    // 26a pem{rV|V} -> pe-m{rV|V}; 26b pem{rV|V} -> pe-p{rV|V}
    r26a: rule(/^pem([aiueo])(.*)$/, prefixed("m")),
    r26b: rule(/^pem([aiueo])(.*)$/, prefixed("p")),
    // 27 pen{c|d|j|z} -> pen-{c|d|j|z}
    r27: rule(/^pen([cdjz])(.*)$/, joined),
    // 28a pen{V} -> pe-n{V}; 28b pen{V} -> pe-t{V}
    r28a: rule(/^pen([aiueo])(.*)$/, prefixed("n")),
    r28b: rule(/^pen([aiueo])(.*)$/, prefixed("t")),
    // 29 pengC -> peng-C
    r29: rule(/^peng([bcdfghjklmnpqrstvwxyz])(.*)$/, joined),
    // 30a pengV -> peng-V; 30b pengV -> peng-kV; 30c penge -> penge-
    r30a: rule(/^peng([aiueo])(.*)$/, joined),
    r30b: rule(/^peng([aiueo])(.*)$/, prefixed("k")),
    r30c: rule(/^penge(.*)$/, joined),
    // 31a penyV -> pe-nyV; 31b penyV -> peny-sV
    r31a: rule(/^peny([aiueo])(.*)$/, prefixed("ny")),
    r31b: rule(/^peny([aiueo])(.*)$/, prefixed("s")),
    // 32 pelV -> pe-lV, except pelajar -> ajar
    r32: function (word) {
      return word === "pelajar" ? "ajar" : PE_LV(word);
    },
    // 34 peCP -> pe-CP where P != "er"
    r34: rule(/^pe([bcdfghjklmnpqrstvwxyz])(.*)$/, function (m) {
      return startsWithEr(m[2]) ? undefined : joined(m);
    }),
    // 35 terC1erC2 -> ter-C1erC2 where C1 != "r"
    r35: rule(/^ter([bcdfghjkpqstvxz])(er[bcdfghjklmnpqrstvwxyz])(.*)$/, joined),
    // 36 peC1erC2 -> pe-C1erC2 where C1 != {r|w|y|l|m|n}
    r36: rule(/^pe([bcdfghjkpqstvxz])(er[bcdfghjklmnpqrstvwxyz])(.*)$/, joined),
    // 37a CerV -> CerV; 37b CerV -> CV (infixes)
    r37a: rule(/^([bcdfghjklmnpqrstvwxyz])(er[aiueo])(.*)$/, joined),
    r37b: rule(/^([bcdfghjklmnpqrstvwxyz])er([aiueo])(.*)$/, joined),
    // 38a CelV -> CelV; 38b CelV -> CV
    r38a: rule(/^([bcdfghjklmnpqrstvwxyz])(el[aiueo])(.*)$/, joined),
    r38b: rule(/^([bcdfghjklmnpqrstvwxyz])el([aiueo])(.*)$/, joined),
    // 39a CemV -> CemV; 39b CemV -> CV
    r39a: rule(/^([bcdfghjklmnpqrstvwxyz])(em[aiueo])(.*)$/, joined),
    r39b: rule(/^([bcdfghjklmnpqrstvwxyz])em([aiueo])(.*)$/, joined),
    // 40a CinV -> CinV; 40b CinV -> CV
    r40a: rule(/^([bcdfghjklmnpqrstvwxyz])(in[aiueo])(.*)$/, joined),
    r40b: rule(/^([bcdfghjklmnpqrstvwxyz])in([aiueo])(.*)$/, joined),
    // 41 kuA -> ku-A; 42 kauA -> kau-A (Sastrawi's own)
    r41: rule(/^ku(.*)$/, joined),
    r42: rule(/^kau(.*)$/, joined),
  };

  // --- VisitorProvider -----------------------------------------------------

  var VISITORS = [dontStemShortWord];

  var SUFFIX_VISITORS = [
    affixRemover(/-*(lah|kah|tah|pun)$/, "P"),
    affixRemover(/-*(ku|mu|nya)$/, "PP"),
    affixRemover(/(is|isme|isasi|i|kan|an)$/, "DS"),
  ];

  // Sastrawi's order; there are no rules 22 and 33.
  var PREFIX_RULE_GROUPS = [
    ["r1a", "r1b"], ["r2"], ["r3"], ["r4"], ["r5"], ["r6a", "r6b"], ["r7"], ["r8"], ["r9"],
    ["r10"], ["r11"], ["r12"], ["r13a", "r13b"], ["r14"], ["r15a", "r15b"], ["r16"],
    ["r17a", "r17b", "r17c", "r17d"], ["r18a", "r18b"], ["r19"], ["r20"], ["r21a", "r21b"],
    ["r23"], ["r24"], ["r25"], ["r26a", "r26b"], ["r27"], ["r28a", "r28b"], ["r29"],
    ["r30a", "r30b", "r30c"], ["r31a", "r31b"], ["r32"], ["r34"],
    ["r35"], ["r36"],
    ["r37a", "r37b"], ["r38a", "r38b"], ["r39a", "r39b"], ["r40a", "r40b"],
    ["r41"], ["r42"],
  ];

  var PREFIX_VISITORS = [affixRemover(/^(di|ke|se)/, DP)].concat(
    PREFIX_RULE_GROUPS.map(function (names) {
      return prefixDisambiguator(names.map(function (name) { return RULES[name]; }));
    })
  );

  // --- Confix stripping precedence adjustment ------------------------------

  var PRECEDENCE_ADJUSTMENT = [/^be(.*)lah$/, /^be(.*)an$/, /^me(.*)i$/, /^di(.*)i$/, /^pe(.*)i$/, /^ter(.*)i$/];

  function prefixFirst(word) {
    return PRECEDENCE_ADJUSTMENT.some(function (pattern) { return pattern.test(word); });
  }

  // --- Context: stemming of one singular word ------------------------------

  function Context(word, dictionary) {
    this.originalWord = word;
    this.currentWord = word;
    this.dictionary = dictionary;
    this.processIsStopped = false;
    this.removals = [];
  }

  Context.prototype.contains = function (word) {
    return this.dictionary.has(word);
  };

  Context.prototype.found = function () {
    return this.dictionary.has(this.currentWord);
  };

  // Step 6: the word found in the dictionary, or the original word.
  Context.prototype.execute = function () {
    this.startStemmingProcess();
    return this.found() ? this.currentWord : this.originalWord;
  };

  Context.prototype.startStemmingProcess = function () {
    if (this.found()) return;
    this.acceptVisitors(VISITORS);
    if (this.found()) return;
    // A stopped process (short word) still goes on: Python checks the flag
    // only inside the visitor loops.
    if (prefixFirst(this.originalWord)) {
      this.removePrefixes();
      if (this.found()) return;
      this.removeSuffixes();
      if (this.found()) return;
      this.currentWord = this.originalWord;
      this.removals = [];
    }
    this.removeSuffixes();
    if (this.found()) return;
    this.removePrefixes();
    if (this.found()) return;
    this.loopPengembalianAkhiran();
  };

  Context.prototype.acceptVisitors = function (visitors) {
    for (var i = 0; i < visitors.length; i++) {
      visitors[i].visit(this);
      if (this.found() || this.processIsStopped) return;
    }
  };

  // Stops after the first visitor that removed something.
  Context.prototype.acceptPrefixVisitors = function (visitors) {
    var removalCount = this.removals.length;
    for (var i = 0; i < visitors.length; i++) {
      visitors[i].visit(this);
      if (this.found() || this.processIsStopped || this.removals.length > removalCount) return;
    }
  };

  // Steps 4 and 5: up to three prefixes.
  Context.prototype.removePrefixes = function () {
    for (var i = 0; i < 3; i++) {
      this.acceptPrefixVisitors(PREFIX_VISITORS);
      if (this.found()) return;
    }
  };

  // Steps 2 and 3.
  Context.prototype.removeSuffixes = function () {
    this.acceptVisitors(SUFFIX_VISITORS);
  };

  // ECS: put the removed suffixes back one at a time, last removed first, and
  // try the prefixes again. Removals made here are appended to the same list
  // (as in Python, where `self.removals = removals` rebinds the same list);
  // only the removals present before the loop are visited.
  Context.prototype.loopPengembalianAkhiran = function () {
    this.restorePrefix();
    var removals = this.removals;
    var currentWord = this.currentWord;
    for (var i = removals.length - 1; i >= 0; i--) {
      var removal = removals[i];
      if (SUFFIX_TYPES.indexOf(removal.affixType) === -1) continue;
      if (removal.removedPart === "kan") {
        this.currentWord = removal.result + "k";
        this.removePrefixes();
        if (this.found()) return;
        this.currentWord = removal.result + "kan";
      } else {
        this.currentWord = removal.subject;
      }
      this.removePrefixes();
      if (this.found()) return;
      this.currentWord = currentWord;
    }
  };

  // Back to the subject of the first removal, and drop the prefix removals the
  // way Python's `for r in removals: removals.remove(r)` does: the element
  // after each dropped one is skipped.
  Context.prototype.restorePrefix = function () {
    var removals = this.removals;
    if (removals.length > 0) {
      this.currentWord = removals[0].subject;
    }
    for (var i = 0; i < removals.length; i++) {
      if (removals[i].affixType === DP) {
        removals.splice(i, 1);
      }
    }
  };

  // --- Stemmer: plurals and words -------------------------------------------

  var PLURAL_SUFFIXES = ["ku", "mu", "nya", "lah", "kah", "tah", "pun"];

  function isPlural(word) {
    var match = /^(.*)-(ku|mu|nya|lah|kah|tah|pun)$/.exec(word);
    return match ? match[1].indexOf("-") !== -1 : word.indexOf("-") !== -1;
  }

  function stemSingularWord(dictionary, word) {
    return new Context(word, dictionary).execute();
  }

  // Asian (2007), pages 76-77: both halves must stem to the same root.
  // Python returns the word when its first match fails; a plural always has a
  // hyphen and a normalised word no line break, so the match cannot fail.
  function stemPluralWord(dictionary, plural) {
    var match = /^(.*)-(.*)$/.exec(plural);
    var words = [match[1], match[2]];

    // malaikat-malaikat-nya -> malaikat, malaikat-nya
    var suffix = words[1];
    var inner = /^(.*)-(.*)$/.exec(words[0]);
    if (PLURAL_SUFFIXES.indexOf(suffix) !== -1 && inner) {
      words = [inner[1], inner[2] + "-" + suffix];
    }

    var root1 = stemSingularWord(dictionary, words[0]);
    var root2 = stemSingularWord(dictionary, words[1]);
    // meniru-nirukan -> tiru
    if (!dictionary.has(words[1]) && root2 === words[1]) {
      root2 = stemSingularWord(dictionary, "me" + words[1]);
    }
    return root1 === root2 ? root1 : plural;
  }

  function stemWord(dictionary, word) {
    return isPlural(word) ? stemPluralWord(dictionary, word) : stemSingularWord(dictionary, word);
  }

  // ArrayDictionary skips empty and blank words; a blank word can never equal
  // a normalised word, so only the empty one needs leaving out here.
  function toDictionary(words) {
    var dictionary = new Set();
    for (var word of words) {
      if (word) dictionary.add(word);
    }
    return dictionary;
  }

  /**
   * A stemmer over a dictionary of lowercase root words (any iterable).
   * The returned function maps a word (or a text, whose words are stemmed one
   * by one and joined with single spaces) to what Python Sastrawi returns,
   * caching its results like Sastrawi's CachedStemmer.
   */
  function createStemmer(words) {
    var dictionary = toDictionary(words);
    var cache = new Map();
    return function stem(text) {
      var result = cache.get(text);
      if (result === undefined) {
        result = normalizeText(text).split(" ").map(function (word) {
          return stemWord(dictionary, word);
        }).join(" ");
        cache.set(text, result);
      }
      return result;
    };
  }

  return { createStemmer: createStemmer };
});
