import { describe, expect, it } from 'vitest';
import { cropBox } from '@/components/profile/crop-box';
import { diffProfiles } from '@/lib/content/profile-diff';
import { profileFormFields, profileFormSchema } from '@/lib/validation/profile';

const errorsOf = (input: Record<string, unknown>) => {
  const parsed = profileFormSchema.safeParse({ name: 'A Fellow', ...input });
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
};

describe('the profile form schema', () => {
  it('normalises ORCID and X given as profile addresses, and languages as a list without repeats', () => {
    const parsed = profileFormSchema.parse({ name: ' A Fellow ', orcid: 'https://orcid.org/0000-0002-1825-009x', xHandle: 'https://x.com/handle_1/', languages: 'English, , Russian, English' });
    expect(parsed).toMatchObject({ name: 'A Fellow', orcid: '0000-0002-1825-009X', xHandle: 'handle_1', languages: ['English', 'Russian'] });
  });

  it('names the field and the rule in every message', () => {
    expect(errorsOf({ name: '' })).toEqual({ name: 'Name is required.' });
    expect(errorsOf({ website: 'javascript:alert(1)' })).toEqual({ website: 'Website must be a web address starting with http:// or https://.' });
    expect(errorsOf({ linkedin: 'https://evil.example/in/x' })).toEqual({ linkedin: 'LinkedIn must be an address on linkedin.com.' });
    expect(errorsOf({ orcid: '1234' })).toEqual({ orcid: 'ORCID must look like 0000-0002-1825-0097.' });
    expect(errorsOf({ xHandle: 'not a handle' })).toMatchObject({ xHandle: expect.stringContaining('X must be a handle') });
    expect(errorsOf({ email: 'nope' })).toEqual({ email: 'Enter a valid email address.' });
    expect(errorsOf({ photoId: 'media1', photoAlt: '' })).toEqual({ photoAlt: 'Describe the photo for readers who cannot see it.' });
    expect(errorsOf({ showEmail: true, email: '' })).toEqual({ email: 'Enter the email to show, or untick “Show email publicly”.' });
    expect(errorsOf({ biography: 'x'.repeat(10_001) })).toEqual({ biography: 'Biography is too long (at most 10000 characters).' });
  });

  it('reads repeated checkboxes and the tick box from form data', () => {
    const data = new FormData();
    data.append('name', 'A Fellow');
    data.append('topicIds', 't1');
    data.append('topicIds', 't2');
    data.append('showEmail', 'on');
    data.append('email', 'a@example.org');
    data.append('$ACTION_ID_x', '');
    expect(profileFormSchema.parse(profileFormFields(data))).toMatchObject({ topicIds: ['t1', 't2'], showEmail: true });
  });
});

describe('the profile diff', () => {
  const base = profileFormSchema.parse({ name: 'A Fellow', topicIds: ['t1'] });
  const names = new Map([['t1', 'Energy'], ['t2', 'Central Asia']]);

  it('lists only changed fields under the form\'s labels, word by word', () => {
    const diffs = diffProfiles(base, { ...base, name: 'A Senior Fellow', topicIds: ['t1', 't2'] }, names);
    expect(diffs.map((diff) => diff.field)).toEqual(['Name', 'Competence']);
    expect(diffs[0]!.parts.filter((part) => part.change === 'added').map((part) => part.text.trim())).toEqual(['Senior']);
  });

  it('notices a replaced photo although both read "a photo"', () => {
    const withPhoto = { ...base, photoId: 'm1', photoAlt: 'Portrait' };
    expect(diffProfiles(withPhoto, { ...withPhoto, photoId: 'm2' }, names).map((diff) => diff.field)).toEqual(['Photo']);
  });
});

describe('the photo crop box', () => {
  it('takes the largest centred square at zoom 1 and slides it with the position controls', () => {
    expect(cropBox(1000, 500, { zoom: 1, x: 50, y: 50 })).toEqual({ sx: 250, sy: 0, side: 500, outputSide: 500 });
    expect(cropBox(1000, 500, { zoom: 1, x: 100, y: 0 })).toEqual({ sx: 500, sy: 0, side: 500, outputSide: 500 });
    expect(cropBox(400, 800, { zoom: 2, x: 0, y: 100 })).toEqual({ sx: 0, sy: 600, side: 200, outputSide: 200 });
  });

  it('keeps out-of-range controls inside the image and caps the output size', () => {
    expect(cropBox(4000, 3000, { zoom: 0.5, x: 150, y: -20 })).toEqual({ sx: 1000, sy: 0, side: 3000, outputSide: 1200 });
  });
});

describe('multi-line fields', () => {
  it('store the line breaks browsers submit as CRLF as LF, so paragraphs split on the public page', () => {
    expect(profileFormSchema.parse({ name: 'A Fellow', biography: 'One.\r\n\r\nTwo.' }).biography).toBe('One.\n\nTwo.');
  });
});
