// Tra cứu thủ tục: the search box, a procedure's page, and its printable checklist. Routed
// inside the /tra-cuu area (paths here are relative to it). The search box is the first screen;
// the procedure page and the checklist load on first use (precached, so offline too).
import { lazy } from 'react';
import { Route, Switch } from 'wouter';
import { SearchView } from './SearchView';
import './catalogue.css';

const ProcedureView = lazy(() => import('./ProcedureView').then((m) => ({ default: m.ProcedureView })));
const PrintView = lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView })));

export function CataloguePage() {
  return (
    <Switch>
      <Route path="/:code/in">{(params) => <PrintView code={params.code} />}</Route>
      <Route path="/:code">{(params) => <ProcedureView code={params.code} />}</Route>
      <Route>
        <SearchView />
      </Route>
    </Switch>
  );
}
