// Folding what a message says into what the conversation remembers.
import type { Session } from '../core/types';
import type { Analysis } from '../nlu/types';
import type { Slots } from './slots';

export function remember(session: Session, slots: Slots, analysis: Analysis): Session {
  const s: Session = {
    ...session,
    turns: session.turns + 1,
    // a message that says nothing of its language ("Jinjiang", "120") keeps the conversation's
    script: session.preferred?.script ?? (analysis.langKnown === false && session.script ? session.script : analysis.script),
    lang: session.preferred?.lang ?? (analysis.langKnown === false && session.lang ? session.lang : analysis.lang),
  };
  if (slots.locality && slots.locality !== s.locality) {
    // A change of locality: what was said of the old one (its zones, its full hospitals) no longer holds.
    if (s.locality) {
      s.audience = undefined;
      s.assumedFull = [];
      s.lastFacility = undefined;
      s.lastUnits = undefined;
    }
    s.locality = slots.locality;
  }
  // "我在武汉": the user is somewhere no notice covers — the locality talked of before is not theirs
  if (slots.livesOutside && !slots.locality && s.locality) {
    s.locality = undefined;
    s.audience = undefined;
    s.assumedFull = [];
    s.lastFacility = undefined;
    s.lastUnits = undefined;
    s.lastList = undefined;
  }
  if (slots.audience) s.audience = slots.audience;
  if (slots.categories[0]) {
    s.category = slots.categories[0];
    s.categories = slots.categories;
  }
  if (slots.role) s.role = slots.role;
  if (slots.facility) s.lastFacility = `${slots.facility.locality}/${slots.facility.facility.id}`;
  return s;
}
