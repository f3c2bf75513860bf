import { diffWords } from 'diff';
import type { ProfileData } from '@/lib/validation/profile';
import type { DiffPart, FieldDiff } from './revision-diff';

// Two versions of an author profile compared field by field, word by word, under the form's own labels.

function fieldsOf(profile: ProfileData, topicNames: Map<string, string>): [string, string][] {
  return [
    ['Name', profile.name],
    ['Position', profile.position],
    ['Location', profile.location],
    ['Competence', profile.topicIds.map((id) => topicNames.get(id) ?? 'removed term').join(', ')],
    ['Field of expertise', profile.fieldOfExpertise],
    ['Work experience', profile.workExperience],
    ['Biography', profile.biography],
    ['Photo', profile.photoId ? 'a photo' : 'no photo'],
    ['Photo alt text', profile.photoAlt],
    ['Languages', profile.languages.join(', ')],
    ['Website', profile.website],
    ['ORCID', profile.orcid],
    ['X', profile.xHandle],
    ['LinkedIn', profile.linkedin],
    ['Email', profile.email],
    ['Show email publicly', profile.showEmail ? 'yes' : 'no'],
  ];
}

export function diffProfiles(older: ProfileData, newer: ProfileData, topicNames: Map<string, string>): FieldDiff[] {
  const before = fieldsOf(older, topicNames);
  const after = fieldsOf(newer, topicNames);
  return before.flatMap(([field, oldValue], index) => {
    const newValue = after[index]![1];
    // A new photo reads the same in words ("a photo"), so the id decides whether it changed.
    const photoChanged = field === 'Photo' && older.photoId !== newer.photoId;
    if (oldValue === newValue && !photoChanged) return [];
    const parts: DiffPart[] = photoChanged && oldValue === newValue
      ? [{ text: 'a different photo', change: 'added' }]
      : diffWords(oldValue, newValue).map((part) => ({ text: part.value, change: part.added ? 'added' : part.removed ? 'removed' : 'same' }));
    return [{ field, parts }];
  });
}
