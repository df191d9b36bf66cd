import * as chrono from 'chrono-node';
for (const t of ['On Monday, Amnesty International released a joint statement.', 'published the letter on its website on Monday, a week after sending it on 29 June.', 'In an open letter published on Wednesday, more than 60 civil society groups', 'said on Wednesday that it'])
  console.log(chrono.parse(t, { instant: new Date('2026-06-12T12:00Z'), timezone: 0 }).map((r) => [r.index, r.text, r.start.date().toISOString()]));
