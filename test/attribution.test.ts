import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyseAttribution, findQuotes } from '../src/attribution/index.js';

const speakers = (text: string): Array<[string, string | null]> => findQuotes(text).map((q) => [q.text, q.speaker]);

test('attribution: quotation marks of every common style, three words or more; apostrophes and scare quotes are not quotations', () => {
  const text = [
    'Il a déclaré : « Nous ne reculerons pas devant la crise », selon le ministre.',
    'Er sagte: „Wir werden das prüfen müssen“, und ging.',
    '彼は「この計画は必ず実行する」と述べた。',
    'The mayor said the ‘temporary’ closure was, in her words, ‘the only responsible choice we had’.',
    "It's the company's \"so-called reform\" that critics don’t like.",
  ].join('\n\n');
  assert.deepEqual(
    findQuotes(text).map((q) => q.text),
    ['Nous ne reculerons pas devant la crise', 'Wir werden das prüfen müssen', 'この計画は必ず実行する', 'the only responsible choice we had'],
  );
  for (const q of findQuotes(text)) assert.equal(text.slice(q.begin, q.end), q.text, 'offsets span exactly the quoted words');
});

test('attribution: speakers after and before the quotation, a quotation split by its attribution, pronouns and surnames resolved to the full name, roles', () => {
  const text = [
    'Maria Schmidt, a spokeswoman for the interior ministry, spoke to reporters on Monday.',
    '"We are not ruling it out," she said, "but there is no decision yet."',
    'Prime Minister John Carter told reporters: "We will listen to everyone before we act."',
    '"The review will take at least three months," said Schmidt, a spokeswoman for the ministry.',
    'According to Carter, "nothing has been decided at this stage."',
  ].join('\n\n');
  const quotes = findQuotes(text);
  assert.deepEqual(
    quotes.map((q) => [q.text, q.speaker, q.role]),
    [
      ['We are not ruling it out', 'Maria Schmidt', null],
      ['but there is no decision yet.', 'Maria Schmidt', null],
      ['We will listen to everyone before we act.', 'John Carter', 'Prime Minister'],
      ['The review will take at least three months', 'Maria Schmidt', 'a spokeswoman for the ministry'],
      ['nothing has been decided at this stage.', 'John Carter', null],
    ],
  );
  const first = quotes[0]!;
  assert.equal(text.slice(first.speakerBegin!, first.speakerEnd!), 'she', 'the span points at the mention in the attribution');
  assert.equal(text.slice(quotes[3]!.speakerBegin!, quotes[3]!.speakerEnd!), 'Schmidt');
});

test('attribution: a quotation over several paragraphs is one, without the marks that reopen each paragraph', () => {
  const text = 'Carter read the statement.\n\n"This is the first paragraph of a long statement that goes on,\n\n"and this is its second paragraph, which ends the quotation," John Carter said.';
  const [q] = findQuotes(text);
  assert.equal(q?.text, 'This is the first paragraph of a long statement that goes on,\n\nand this is its second paragraph, which ends the quotation');
  assert.equal(q?.speaker, 'John Carter');
  assert.equal(text.slice(q!.begin, q!.begin + 4), 'This');
  assert.equal(text.slice(q!.end - 9, q!.end), 'quotation');
  assert.deepEqual(speakers('"An unattributed remark with no speaker at all."'), [['An unattributed remark with no speaker at all.', null]]);
});

test('attribution: citations of outlets, organisations, documents, people and the site itself, and anonymous sources', () => {
  const text = [
    'The plan was first drafted in May, according to Reuters. Officials told the Financial Times that it would change.',
    'Amnesty International said in a statement that it opposed the ban, and a report by the United Nations found similar abuses.',
    'Jane Doe said that the vote could slip. We reported last week that the cabinet was divided.',
    'A person familiar with the matter said the talks had stalled, and informed sources expect a delay. Experts say it is unlikely.',
    '"According to Bloomberg, this is a quotation, not a citation," said Ann Smith.',
  ].join('\n\n');
  const { citations, anonymous } = analyseAttribution(text);
  assert.deepEqual(
    citations.map((c) => [c.kind, c.name]),
    [
      ['outlet', 'Reuters'],
      ['outlet', 'Financial Times'],
      ['organisation', 'Amnesty International'],
      ['document', 'report by the United Nations'],
      ['person', 'Jane Doe'],
      ['self', 'We'],
    ],
  );
  for (const c of citations) assert.equal(text.slice(c.begin, c.end), c.name);
  assert.deepEqual(anonymous.map((a) => a.text), ['A person familiar with the matter', 'informed sources', 'Experts say']);
});

test('attribution: roles before the name, lower-case titles after the verb, "it said" for a body, titles of works, quotations after a caption keep their speaker', () => {
  const text = [
    'Eloise Parry, 21, died in April. Fiona Parry spoke to reporters.',
    '“The drug was in her system and there was no antidote,” her mother, Fiona, said in a statement.',
    '“We are concerned over the sale of these pills,” said chief inspector Jennifer Mattinson from the West Mercia police.',
    'The Food Standards Agency warned people to stay away.',
    '“We advise the public not to take any tablets containing DNP,” it said in a statement.',
    'Nintendo announced "Super Mario Run" for phones, said Fiona Parry again in a second statement today.',
    '“Most of us don’t believe that a slimming tablet could kill us,” said Fiona Parry.',
    'Fiona Parry at her home in Shropshire',
    '“DNP is not a miracle slimming pill. It is a deadly toxin.”',
  ].join('\n\n');
  assert.deepEqual(
    findQuotes(text).map((q) => [q.text.slice(0, 20), q.speaker, q.role]),
    [
      ['The drug was in her ', 'Fiona Parry', 'her mother'],
      ['We are concerned ove', 'Jennifer Mattinson', 'chief inspector'],
      ['We advise the public', 'Food Standards Agency', null],
      ['Most of us don’t bel', 'Fiona Parry', null],
      ['DNP is not a miracle', 'Fiona Parry', null],
    ],
  );
});
