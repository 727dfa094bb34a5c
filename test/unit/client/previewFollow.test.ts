import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { followTarget, previewTitle, ScrollFollower } from '../../../client/src/preview/follow';

describe('preview: following the active postmortem', () => {
  const a = 'file:///w/postmortems/a.md';
  const b = 'file:///w/postmortems/b.md';

  it('switches an unlocked preview to the postmortem that becomes active', () => {
    assert.equal(followTarget({ uri: a, locked: false }, { uri: b, postmortem: true }), b);
  });

  it('stays on its document when locked, when the active file is not a postmortem, or when nothing changed', () => {
    assert.equal(followTarget({ uri: a, locked: true }, { uri: b, postmortem: true }), undefined);
    assert.equal(followTarget({ uri: a, locked: false }, { uri: 'file:///w/README.md', postmortem: false }), undefined);
    assert.equal(followTarget({ uri: a, locked: false }, { uri: a, postmortem: true }), undefined);
    assert.equal(followTarget({ uri: a, locked: false }, undefined), undefined);
  });

  it('says on the tab when a preview is locked', () => {
    assert.equal(previewTitle('a.md', false), 'Preview a.md');
    assert.equal(previewTitle('a.md', true), '[Locked] Preview a.md');
  });
});

describe('preview: scroll following', () => {
  it('sends each editor position once, again after the page is rendered anew', () => {
    const follower = new ScrollFollower();
    const uri = 'file:///w/postmortems/a.md';
    assert.equal(follower.next(uri, 40), 40);
    assert.equal(follower.next(uri, 40), undefined, 'the same line again is an echo of layout, not a scroll');
    assert.equal(follower.next(uri, 41), 41);
    follower.forget();
    assert.equal(follower.next(uri, 41), 41);
    assert.equal(follower.next('file:///w/postmortems/b.md', 41), 41, 'another document is another position');
  });
});
