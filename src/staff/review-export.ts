// Reviewed messages as training examples in the intents/classes format: items marked "add to training"
// (under the right intent when one was given) and items marked wrong with the right intent. One YAML
// document per intent; never written into intents/ itself — a person adds them where they belong.
import yaml from 'js-yaml';
import type { ReviewItem } from '../store/console-port';

/** Intents that are not classes of the NLU (intents/classes): an example needs a right intent then. */
const NOT_CLASSES = new Set(['fallback', 'urgent', 'held', 'error', 'rate_limited']);

export interface Export {
  yaml: string;
  /** intent → examples */
  examples: Map<string, string[]>;
  /** Items left out, and why. */
  skipped: { id: string; why: string }[];
}

export function exportExamples(items: ReviewItem[], known?: ReadonlySet<string>): Export {
  const examples = new Map<string, string[]>();
  const skipped: Export['skipped'] = [];
  for (const i of [...items].sort((a, b) => a.at - b.at)) {
    if (i.verdict !== 'train' && !(i.verdict === 'wrong' && i.rightIntent)) continue;
    const intent = i.rightIntent ?? i.intent;
    const text = i.text.trim();
    if (NOT_CLASSES.has(intent)) skipped.push({ id: i.id, why: `no intent to learn (${intent}): mark it with the right intent` });
    else if (known && !known.has(intent)) skipped.push({ id: i.id, why: `unknown intent "${intent}"` });
    else if (!text) skipped.push({ id: i.id, why: 'no text' });
    else {
      const list = examples.get(intent) ?? [];
      if (!list.includes(text)) list.push(text);
      examples.set(intent, list);
    }
  }
  const docs = [...examples.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([intent, list]) =>
      yaml.dump({ version: 1, intent, description: `examples from reviewed messages: add them to intents/classes/${intent}.yml`, examples: list }, { lineWidth: -1 }),
    );
  const head = '# jiuyi review export: messages staff marked for training, as examples under their intents.\n';
  return { yaml: docs.length ? head + docs.join('---\n') : '', examples, skipped };
}
