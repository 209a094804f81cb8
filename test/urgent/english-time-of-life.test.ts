// A time of one's life gone by, said in English ("when I was 17", "back in college", "last winter"), and being well
// since ("have been fine ever since", "now she is doing well") scope what is told of it as history, as 17岁那年, 上学的时候,
// 去年 and 后来一直好好的 do in Chinese; "is it true that…", "more likely to" and "the first aid for…" ask for knowledge.
// A past time far along a run-on message is another event's. A past attempt with the act to be done again now
// (今晚我要再做一次, "this time I mean it") is the risk now. Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

describe('a time of life gone by and well since, said in English', () => {
  it.each([
    "when I was 16 I swallowed a bottle of pills; I've been well ever since, can I get my fluoxetine delivered",
    'back in high school I tried to kill myself. these days I teach and have been fine for years, I just need my refill',
    'my brother overdosed when he was 20 years old, now he is doing great, where can he renew his prescription',
    "last winter I wanted to die, now I'm much better, how do I book a counsellor online",
    "my son had a febrile seizure when he was 2, he's 6 now and has a cold, anything to watch for?",
  ])('is history, no alarm: %s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });

  it.each([
    ['when I was 17 I took an overdose, and tonight I swallowed 30 pills again', 'suicide'],
    ["when he was 5 he had fits; today he is fitting again and it won't stop", 'convulsion'],
    ['he was awake and talking, then suddenly collapsed and now we cannot wake him', 'unconscious'],
    ["I'm doing first aid for my dad, he is not breathing", 'unconscious'],
    ['first aid for a fit? my daughter is jerking all over right now', 'convulsion'],
    ['what is the first aid for choking, my baby is choking right now and turning blue', 'breathing'],
    ['first aid advice please, my dad collapsed and is not breathing', 'unconscious'],
  ])('still raises what is happening now: %s', (text, flag) => {
    expect(urgentVerdict(text).flags.map((f) => f.id)).toContain(flag);
  });
});

describe('a past time far along a run-on English message', () => {
  it('is another event\'s, not the emergency\'s told at its start', () => {
    expect(urgentVerdict('my dad fainted in the kitchen and is not waking up he had the same thing happen last year but this is much worse').flags.map((f) => f.id)).toContain('unconscious');
  });

  it('…while one right after it is its time', () => {
    expect(urgentVerdict('he fainted once last year and is fine now, can I get his blood pressure pills refilled').flags).toEqual([]);
  });
});

describe('knowledge asked in English', () => {
  it.each([
    'is it true that women are more likely to attempt suicide than men? it is for a school essay',
    'what is the first aid for someone who has a seizure in the street, for our volunteer training',
    'my wife had one of her usual short seizures an hour ago, she is awake and talking now, do I report it?',
  ])('raises nothing: %s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });
});

describe('a past attempt, to be done again now', () => {
  it.each([
    'I tried to end my life when I was 19. This time I mean it, the pills are on my desk',
    'two years ago I attempted suicide. tonight I am going to try again',
    '两年前我自杀过一次，今晚打算再来一次',
    '上大学的时候我割过腕想自杀，这次是认真的，不会再被救回来了',
  ])('is raised by the rules: %s', (text) => {
    expect(ruleFlags(text)).toContain('suicide');
  });

  it.each([
    '三年前我想过自杀，现在都好了，核酸能不能再做一次',
    'I attempted suicide in 2015 and have been well since. the booking page failed, should I try again tomorrow?',
  ])('not when what is done again is an errand: %s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });
});
