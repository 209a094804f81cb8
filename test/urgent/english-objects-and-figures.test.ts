// English words for a body's emergency said of a thing or as a figure of speech: a hotline, a landlord or an app "not
// answering", one's own alarm "can't wake", a heart that "stopped" at a test result, "not breathing a word", "drowning
// in paperwork", windows "blacked out". None is anyone's emergency; the same words of a person lying there still are.
// Phrasings of our own.
import { ruleFlags, urgentVerdict } from '../support/nlu';

describe('a line, an office or a device not answering', () => {
  it.each([
    'the hotline is not answering, what else can I call',
    'my landlord is not responding to messages about the rent',
    'the committee did not answer about the rice delivery',
    'the pharmacy line is still not picking up, is it closed today',
    'the app is not responding when I upload the test result',
    'the scanner at the gate does not work, can I show a screenshot',
  ])('is no one unconscious: %s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });

  it.each([
    ['unconscious', 'grandma is on the floor and not answering me'],
    ['unconscious', 'he is lying in bed not responding, breathing strange'],
    ['unconscious', "I can't wake my husband, he took sleeping pills"],
    // (an app named before a person is no app not answering)
    ['unconscious', 'I was checking the app and dad is not responding'],
  ])('while a person lying there not answering is still %s', (flag, text) => {
    expect(ruleFlags(text)).toContain(flag);
  });
});

describe('a body word as a figure of speech', () => {
  it.each([
    "I can't wake up early enough for the 7am swab, can I go later",
    'my heart stopped when I saw the result was positive, what now',
    "she's not breathing a word about it to her boss",
    "I feel like I'm drowning in paperwork for this travel permit",
    'we blacked out the windows so the kids can sleep, is that ok',
  ])('raises nothing: %s', (text) => {
    expect(urgentVerdict(text).flags).toEqual([]);
  });

  it('while drowning in what fills the chest is breathing', () => {
    expect(ruleFlags("I feel like I'm drowning, my chest is full of fluid and I can't lie down")).toContain('breathing');
  });
});
