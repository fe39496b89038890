import type { AssignmentFilter } from '../api/register.ts';
import { registerPath } from '../app/routes.ts';

export type RegisterTab = 'decisions' | 'assignments';

/** What the register page shows, from its query string: `?tab=assignments&status=done`, `?q=`. */
export interface RegisterQuery {
  tab: RegisterTab;
  q: string;
  status: AssignmentFilter;
}

export function parseRegisterQuery(search: string): RegisterQuery {
  const params = new URLSearchParams(search);
  const status = params.get('status');
  return {
    tab: params.get('tab') === 'assignments' ? 'assignments' : 'decisions',
    q: (params.get('q') ?? '').slice(0, 200),
    status: status === 'done' || status === 'all' ? status : 'open',
  };
}

/** The register page's address for a query; defaults are left out. */
export function registerQueryPath(boardId: string, query: RegisterQuery): string {
  const params = new URLSearchParams();
  if (query.tab === 'assignments') {
    params.set('tab', 'assignments');
    if (query.status !== 'open') params.set('status', query.status);
  } else if (query.q.trim() !== '') {
    params.set('q', query.q.trim());
  }
  const search = params.toString();
  return search === '' ? registerPath(boardId) : `${registerPath(boardId)}?${search}`;
}
