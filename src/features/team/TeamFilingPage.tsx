// Nộp hồ sơ on a community team's tablet (issue 15), nested under /nop-ho-so: intake's editor in its
// team variant (file online, no receipt) with the team's home and slip. Features do not import each
// other, so the shell hands intake's pieces in (routes.ts) when it loads both.
import type { ComponentType } from 'react';
import { Route, Switch } from 'wouter';
import type { Procedure } from '../../domain/catalogue';
import { TeamHome } from './TeamHome';
import { TrackingSlip } from './TrackingSlip';

/** What the page takes from intake (src/features/intake's index). */
export interface IntakeParts {
  DraftEditor: ComponentType<{ id: string; variant?: 'desk' | 'team' }>;
  NewDraft: ComponentType<{ code: string }>;
  useCurrentCatalogue(): { procedures: Procedure[] } | null | undefined;
}

export function teamFilingPage({ DraftEditor, NewDraft, useCurrentCatalogue }: IntakeParts): ComponentType {
  function Home() {
    const catalogue = useCurrentCatalogue();
    return <TeamHome procedures={catalogue === undefined ? undefined : (catalogue?.procedures ?? null)} />;
  }
  return function TeamFilingPage() {
    return (
      <div className="team-page">
        <Switch>
          <Route path="/moi/:code">{(p) => <NewDraft code={decodeURIComponent(p.code)} />}</Route>
          <Route path="/nhap/:id">{(p) => <DraftEditor key={p.id} id={p.id} variant="team" />}</Route>
          <Route path="/phieu/:id">{(p) => <TrackingSlip id={p.id} />}</Route>
          <Route>
            <Home />
          </Route>
        </Switch>
      </div>
    );
  };
}
