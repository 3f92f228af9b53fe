#!/usr/bin/env python3
"""Labelled near-duplicate corpus for `newsmill cluster` (bench/cluster/README.md).

Two modes:

  generate.py quality OUT_DIR   the development articles, each with variants
                                of every kind, as raw text pages wrapped in
                                outlet chrome (docs.jsonl), plus labels.tsv
  generate.py scale N OUT.jsonl N records: the articles and procedurally made
                                new stories (words of a real article replaced
                                at random), ten copies each

Articles come from ../shared/data/polnear/data/*/text/*.txt and
../shared/data/aeb/ground-truth.json; when neither is there the script says
so and exits 0 without output (the benchmarks then skip).

Variant kinds (one per copy):
  original  the article as published
  chrome    the same text inside another outlet's chrome
  trim      cut at the end (40-90% of the paragraphs kept)
  drop      one to three paragraphs dropped
  reorder   paragraphs moved
  edit      2-5% of the words substituted, inserted or deleted
  quotes    quote marks, apostrophes, dashes and spacing changed
  wire      the seed's case: trimmed, chrome, quotes and a few edits at once
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, '..', '..', '..', 'shared', 'data'))
KINDS = ['chrome', 'trim', 'drop', 'reorder', 'edit', 'quotes', 'wire']

OUTLETS = [
    ('Daily Ledger', ['Home', 'World', 'Politics', 'Business', 'Opinion']),
    ('The Morning Wire', ['News', 'U.S.', 'Elections', 'Video']),
    ('Capitol Post', ['Latest', 'Congress', 'White House', 'Courts']),
    ('Metro Herald', ['Local', 'Nation', 'Sports', 'Weather', 'Obituaries']),
    ('Global Times Review', ['Front Page', 'Asia', 'Europe', 'Americas']),
]
FOOTERS = [
    'Share this article', 'Follow us on Twitter', 'Sign up for our newsletter',
    'Related: More coverage of this story', 'Comments are closed.',
    'Copyright © 2016 {o}. All rights reserved.', 'Privacy Policy | Terms of Use',
    'This story was provided by a wire service.',
]


def load_articles():
    """[(id, text)] of the development articles, or [] when absent."""
    articles = []
    polnear = os.path.join(DATA, 'polnear', 'data')
    if os.path.isdir(polnear):
        for split in sorted(os.listdir(polnear)):
            text_dir = os.path.join(polnear, split, 'text')
            if not os.path.isdir(text_dir):
                continue
            for name in sorted(os.listdir(text_dir)):
                if name.endswith('.txt'):
                    with open(os.path.join(text_dir, name), encoding='utf-8') as f:
                        text = f.read()
                    if len(text.split()) >= 80:
                        articles.append(('polnear/' + name[:-4], text))
    aeb = os.path.join(DATA, 'aeb', 'ground-truth.json')
    if os.path.exists(aeb):
        with open(aeb, encoding='utf-8') as f:
            for key, value in sorted(json.load(f).items()):
                body = value.get('articleBody') or ''
                if len(body.split()) >= 80:
                    articles.append(('aeb/' + key[:12], body))
    return articles


def paragraphs(text):
    return [p.strip() for p in re.split(r'\n\s*\n|\n', text) if p.strip()]


WORD = re.compile(r'\w+', re.UNICODE)


def norm_words(text):
    """The words newsmill's fingerprints see (NormalizeForDedup)."""
    text = re.sub("['`\u00b4\u02bc\u2018\u2019\u201b\u2032]", '', text.lower())
    return [w for w in re.split(r'[\W_]+', text) if w]


def shingles(text, k=4):
    w = norm_words(text)
    if 0 < len(w) < k:
        return {tuple(w)}
    return {tuple(w[i:i + k]) for i in range(len(w) - k + 1)}


def trim(rng, paras):
    # By words, not paragraphs: a polnear text opens with its headline, and
    # a headline alone is no copy of a story.
    want = sum(len(p.split()) for p in paras) * rng.uniform(0.4, 0.9)
    keep, words = 0, 0
    while keep < len(paras) and (words < want or keep < 2):
        words += len(paras[keep].split())
        keep += 1
    return paras[:keep]


def drop(rng, paras):
    if len(paras) < 4:
        return paras
    out = list(paras)
    for _ in range(rng.randint(1, min(3, len(paras) // 4 or 1))):
        del out[rng.randrange(1, len(out))]
    return out


def reorder(rng, paras):
    out = list(paras)
    for _ in range(rng.randint(1, 3)):
        if len(out) < 3:
            break
        i = rng.randrange(1, len(out))
        out.insert(rng.randrange(1, len(out)), out.pop(i))
    return out


def edit(rng, paras, vocab, rate=None):
    rate = rng.uniform(0.02, 0.05) if rate is None else rate
    out = []
    for p in paras:
        words = p.split(' ')
        new = []
        for w in words:
            r = rng.random()
            if r < rate / 3:
                continue  # deleted
            if r < 2 * rate / 3:
                new.append(rng.choice(vocab))  # substituted
                continue
            new.append(w)
            if r < rate:
                new.append(rng.choice(vocab))  # inserted
        out.append(' '.join(new) if new else p)
    return out


CURLY = str.maketrans({'"': '\u201c', "'": '\u2019', '-': '\u2013'})
STRAIGHT = str.maketrans({'\u201c': '"', '\u201d': '"', '\u2018': "'",
                          '\u2019': "'", '\u2013': '-', '\u2014': '--'})


def quotes(rng, paras):
    table = STRAIGHT if rng.random() < 0.5 else CURLY
    out = []
    for p in paras:
        p = p.translate(table)
        if rng.random() < 0.3:
            p = p.replace(', ', ' ,  ')
        out.append(p)
    return out


def chrome(rng, paras, title):
    name, sections = rng.choice(OUTLETS)
    head = [name, ' | '.join(sections), 'Home / ' + rng.choice(sections) + ' / ' + title,
            title, 'By ' + rng.choice(['Staff', 'Wire Reports', 'Associated Press']) +
            ' | ' + rng.choice(['Updated 3:14 PM', 'Nov. 8, 2016', '5 min read'])]
    tail = [f.format(o=name) for f in rng.sample(FOOTERS, 4)]
    return head + paras + tail


def make_variant(rng, kind, paras, title, vocab):
    if kind == 'chrome':
        return chrome(rng, paras, title)
    if kind == 'trim':
        return trim(rng, paras)
    if kind == 'drop':
        return drop(rng, paras)
    if kind == 'reorder':
        return reorder(rng, paras)
    if kind == 'edit':
        return edit(rng, paras, vocab)
    if kind == 'quotes':
        return quotes(rng, paras)
    if kind == 'wire':
        return chrome(rng, quotes(rng, edit(rng, trim(rng, paras), vocab, 0.01)), title)
    raise ValueError(kind)


def vocabulary(articles):
    words = set()
    for _, text in articles[:300]:
        words.update(w for w in text.split() if w.isalpha() and len(w) > 2)
    return sorted(words)


def story_groups(articles, k=4, threshold=0.5):
    """Union of articles that are already copies of each other (a wire story
    two outlets ran): they are one story in the labels."""
    sets = [shingles(t, k) for _, t in articles]
    index = {}
    for i, s in enumerate(sets):
        for sh in s:
            index.setdefault(sh, []).append(i)
    parent = list(range(len(articles)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for i, s in enumerate(sets):
        counts = {}
        for sh in s:
            for j in index[sh]:
                if j > i:
                    counts[j] = counts.get(j, 0) + 1
        for j, c in counts.items():
            if c / max(1, min(len(s), len(sets[j]))) >= threshold:
                parent[find(j)] = find(i)
    return [find(i) for i in range(len(articles))], sets


def topic_mates(articles, groups, per_article=3):
    """For each article, the most similar other stories by bag of words
    (cosine of tf-idf over words of 4+ letters): same topic, different text."""
    import math
    docs = [set(w for w in norm_words(t) if len(w) >= 4) for _, t in articles]
    df = {}
    for d in docs:
        for w in d:
            df[w] = df.get(w, 0) + 1
    n = len(docs)
    idf = {w: math.log(n / c) for w, c in df.items() if c > 1}
    vecs = []
    for d in docs:
        v = {w: idf[w] for w in d if w in idf}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1
        vecs.append({w: x / norm for w, x in v.items()})
    inverted = {}
    for i, v in enumerate(vecs):
        for w, x in v.items():
            inverted.setdefault(w, []).append((i, x))
    mates = set()
    for i, v in enumerate(vecs):
        scores = {}
        for w, x in v.items():
            if df[w] > n // 20:
                continue  # too common to say anything about the topic
            for j, y in inverted[w]:
                if groups[j] != groups[i]:
                    scores[j] = scores.get(j, 0) + x * y
        for j, _ in sorted(scores.items(), key=lambda kv: -kv[1])[:per_article]:
            mates.add((min(groups[i], groups[j]), max(groups[i], groups[j])))
    return sorted(mates)


def quality(out_dir):
    articles = load_articles()
    if not articles:
        print('generate.py: no articles under %s (polnear/, aeb/): skipped' % DATA)
        return 0
    os.makedirs(out_dir, exist_ok=True)
    rng = random.Random(20240601)
    vocab = vocabulary(articles)
    groups, _ = story_groups(articles)
    docs = []  # (id, story, kind, article text without chrome, page text)
    for a, (aid, text) in enumerate(articles):
        paras = paragraphs(text)
        title = paras[0][:80]
        docs.append((aid + '#original', groups[a], 'original', '\n\n'.join(paras),
                     '\n\n'.join(paras)))
        for kind in KINDS:
            lines = make_variant(rng, kind, paras, title, vocab)
            body = lines[5:-4] if kind in ('chrome', 'wire') else lines
            docs.append((aid + '#' + kind, groups[a], kind, '\n\n'.join(body),
                         '\n\n'.join(lines)))
    rng.shuffle(docs)
    with open(os.path.join(out_dir, 'docs.jsonl'), 'w', encoding='utf-8') as f:
        for d in docs:
            f.write(json.dumps({'id': d[0], 'text': d[4]}, ensure_ascii=False) + '\n')
    with open(os.path.join(out_dir, 'labels.tsv'), 'w', encoding='utf-8') as f:
        f.write('id\tstory\tkind\tshingles\n')
        for d in docs:
            f.write('%s\t%d\t%s\t%d\n' % (d[0], d[1], d[2], len(shingles(d[3]))))
    # Exact containment of each positive pair (the smaller in the larger) on
    # the article text without chrome, and the hard-negative story pairs.
    by_story = {}
    for d in docs:
        by_story.setdefault(d[1], []).append(d)
    sets = {d[0]: shingles(d[3]) for d in docs}
    with open(os.path.join(out_dir, 'pairs.tsv'), 'w', encoding='utf-8') as f:
        f.write('a\tb\tkind\tcontainment\n')
        for members in by_story.values():
            for i in range(len(members)):
                for j in range(i + 1, len(members)):
                    x, y = members[i], members[j]
                    sx, sy = sets[x[0]], sets[y[0]]
                    c = len(sx & sy) / max(1, min(len(sx), len(sy)))
                    if x[2] == 'original' and y[2] == 'original':
                        kind = 'syndicated'  # two outlets ran one story
                    elif x[2] == 'original' or y[2] == 'original':
                        kind = x[2] if y[2] == 'original' else y[2]
                    else:
                        kind = 'variant-variant'
                    f.write('%s\t%s\t%s\t%.4f\n' % (x[0], y[0], kind, c))
    mates = topic_mates(articles, groups)
    with open(os.path.join(out_dir, 'hard_negatives.tsv'), 'w') as f:
        f.write('story_a\tstory_b\n')
        for a, b in mates:
            f.write('%d\t%d\n' % (a, b))
    print('generate.py: %d articles, %d documents, %d hard-negative story pairs -> %s'
          % (len(articles), len(docs), len(mates), out_dir))
    return 0


def scale(n, out_path):
    articles = load_articles()
    if not articles:
        print('generate.py: no articles under %s (polnear/, aeb/): skipped' % DATA)
        return 0
    rng = random.Random(n)
    vocab = vocabulary(articles)
    base_paras = [paragraphs(t) for _, t in articles]
    copies = 10
    stories = (n + copies - 1) // copies
    written = 0
    with open(out_path, 'w', encoding='utf-8') as f:
        for s in range(stories):
            a = s % len(articles)
            paras = base_paras[a]
            if s >= len(articles):
                # A new story: 60% of the words of a real article replaced, so
                # it shares about 2.6% of its 4-word shingles with it.
                paras = edit(rng, paras, vocab, 0.9)
            title = paras[0][:80]
            for c in range(copies):
                if written == n:
                    break
                kind = 'original' if c == 0 else KINDS[(s + c) % len(KINDS)]
                lines = paras if c == 0 else make_variant(rng, kind, paras, title, vocab)
                if kind in ('chrome', 'wire'):
                    # Records are extracted text: the chrome is gone, but
                    # half of them keep a footer line the extractor missed.
                    lines = lines[5:-4] + lines[-4:-3] * (rng.random() < 0.5)
                f.write(json.dumps({'id': 's%d-%s-%d' % (s, kind, c),
                                    'text': '\n\n'.join(lines), 'warnings': []},
                                   ensure_ascii=False) + '\n')
                written += 1
    print('generate.py: %d records (%d stories) -> %s' % (written, stories, out_path))
    return 0


def main(argv):
    if len(argv) == 3 and argv[1] == 'quality':
        return quality(argv[2])
    if len(argv) == 4 and argv[1] == 'scale':
        return scale(int(argv[2]), argv[3])
    print(__doc__)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv))
