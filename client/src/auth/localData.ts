import { removeStored } from '../app/localStore.ts';

// Names the meeting workspace uses for what it keeps in this browser (see sync/meetingSync.ts
// and app/recentMeetings.ts).
const meetingCachePrefix = 'justera:';
const recentMeetingsKey = 'justera:recent-meetings';

/**
 * Deletes the minutes this browser keeps for working offline (one IndexedDB database per
 * meeting) and the list of recently opened meetings. Minutes are confidential until they are
 * posted: on a shared computer the next person must not find them after a sign-out.
 */
export async function deleteLocalMeetingData(): Promise<void> {
  removeStored(recentMeetingsKey);
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  let databases: IDBDatabaseInfo[];
  try {
    databases = await indexedDB.databases();
  } catch (error) {
    console.warn('Could not list the local meeting copies', error);
    return;
  }
  await Promise.all(
    databases
      .map((database) => database.name)
      .filter((name): name is string => name?.startsWith(meetingCachePrefix) === true)
      .map(
        (name) =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase(name);
            request.onsuccess = () => resolve();
            request.onerror = () => {
              console.warn(`Could not delete the local copy ${name}`, request.error);
              resolve();
            };
            // An open meeting still holds it: the browser deletes it as soon as the page lets
            // go, so there is no need to wait.
            request.onblocked = () => resolve();
          }),
      ),
  );
}
