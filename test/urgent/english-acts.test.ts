// A goodbye's acts said in English read as they are in Chinese: notes and emails written to one's people, things given
// to someone named first (gave my cousin my …), a window stood at, who will come in first, pills put aside, a will
// updated, one's own treatment stopped, a day decided, the others better off for one's absence. A goodbye said of a
// funeral, a letter to an office, a pet minded for a trip are none. Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

const concepts = (text: string): string[] => urgentVerdict(text).mentions.map((m) => m.concept);

describe('a goodbye acted out, said in English', () => {
  it.each([
    'Wrote notes for my sister and my nephew and put them under the fruit bowl. Whoever opens this flat first should not be my nephew, he is only nine',
    'i wrote my parents a note each and left the spare key with the guard. no one will have to deal with my stuff. is the canteen open tmr',
    'Gave my roommate my headphones and my camera this afternoon. Spent an hour standing at my window on the 22nd floor tonight. What time is the swab?',
    'been hoarding my antidepressants since march, there are heaps now, my flatmate is away till friday. can the pharmacy still deliver?',
    'My husband and son would be happier without me, I know it. Where can I buy groceries in Fengze this week?',
    'Stopped my insulin four days ago and I am not starting again. I have had enough of everything. Who runs the food parcels in Xinzhou?',
    'I should really like to die. That is all. Is the clinic on Tuesday still open?',
    'Decided it will be Saturday. Changed my life insurance beneficiary to my daughter yesterday. Is the lockdown over by then?',
  ])('is raised by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it('reads the acts as the Chinese concepts they are', () => {
    expect(concepts('I have written emails to everyone in my family')).toContain('letter_left');
    expect(concepts('Gave my cousin my guitar and all my comics')).toContain('farewell_weak');
    expect(concepts('He told my sister where the bank cards are')).toContain('farewell_weak');
    expect(concepts('I stopped my dialysis last week')).toContain('treatment_stopped');
  });
});

describe('the same words in everyday English', () => {
  it.each([
    'My granddad died on Monday and we could only watch the funeral on a phone. How do we say goodbye properly from another city?',
    'I wrote a letter to the landlord about the leaking boiler, no reply for a week. Who fixes things during lockdown?',
    'Off on a work trip for five days. Who will feed the cat after Sunday if the building stays sealed?',
    'Cancelled my gym membership because I am moving back to Chengdu next month. Do I need to tell the community office?',
    'Updated my will on the lawyer\'s advice after buying the flat, I am 45 and healthy. Any notary open in Yantai?',
  ])('raises nothing by the rules: %s', (text) => {
    expect(ruleFlags(text)).not.toContain('suicide');
  });
});
