// English words keyed as themselves or as another word, not by their stripped inflection: stripped, each would be
// another word the glosses use ("note" no "not", a heart "rate" no "rat", "kidding" no "kid").
export const OWN_KEYS = new Map([
  // (the third person of do and go: "she does not want to live" is "do not want to live")
  ['does', 'do'],
  ['goes', 'go'],
  ['note', 'note'],
  ['notes', 'note'],
  ['noted', 'note'],
  ['noting', 'note'],
  // (a final e that, stripped, leaves another word the glosses use: a heart "rate" is no "rat", "cute" no "cut", a "bite"
  // no "bit", a "site" no "sit", a "plane" no "plan", "paste" no "past", a "theme" no "them". "here" still reads as
  // "her": keyed apart, the scorer — trained on glossed text — was re-drawn and a held-out set lost an urgent turn)
  ...['rate', 'rates', 'rated', 'rating'].map((w) => [w, 'rate'] as const),
  ['cute', 'cute'],
  ...['bite', 'bites', 'biting'].map((w) => [w, 'bite'] as const),
  ...['site', 'sites'].map((w) => [w, 'site'] as const),
  ...['plane', 'planes'].map((w) => [w, 'plane'] as const),
  ...['paste', 'pasted', 'pasting'].map((w) => [w, 'paste'] as const),
  ...['theme', 'themes'].map((w) => [w, 'theme'] as const),
  // ("evening" stripped is "even": "what's even the point" read as 晚上)
  ...['evening', 'evenings'].map((w) => [w, 'evening'] as const),
  // (the womb "contracting" is no job "contract": a teaching contract read as labour pains)
  ['contracting', 'contracting'],
  // ("kidding" is a joke, not a kid: "heatstroke lol (kidding)" read as a child's)
  ...['kidding', 'kidded'].map((w) => [w, 'kidding'] as const),
]);
