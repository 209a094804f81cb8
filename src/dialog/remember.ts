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
  // A change of locality: what was said of the old one (its zones, its full hospitals, its lists) no longer
  // holds; nor when the user says they are somewhere no notice covers ("我在武汉").
  // (a village named in a conversation already in a covered locality is that locality's: 莱阳农村 … 村里就一个村医)
  const staying = slots.ruralOnly && !!s.locality;
  const leaving = !staying && ((slots.locality && slots.locality !== s.locality) || (slots.livesOutside && !slots.locality));
  if (leaving && s.locality) {
    s.audience = undefined;
    s.assumedFull = [];
    s.lastFacility = undefined;
    s.lastUnits = undefined;
    s.lastList = undefined;
  }
  if (leaving) s.locality = slots.locality;
  if (slots.audience) s.audience = slots.audience;
  if (slots.categories[0]) {
    s.category = slots.categories[0];
    s.categories = slots.categories;
  } else if (slots.denied?.length && s.categories?.some((c) => slots.denied?.includes(c))) {
    // the care said before, taken back (不是小孩，是我自己): no longer what is asked about
    s.categories = s.categories.filter((c) => !slots.denied?.includes(c));
    s.category = s.categories[0];
  }
  if (slots.role) s.role = slots.role;
  if (slots.facility) s.lastFacility = `${slots.facility.locality}/${slots.facility.facility.id}`;
  return s;
}
