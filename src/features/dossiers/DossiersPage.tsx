// Hồ sơ: the dossier desk, nested under /ho-so — the list, a dossier's page, its Mẫu 02 and the
// citizen's satisfaction screen.
import { Route, Switch } from 'wouter';
import { DossierList } from './DossierList';
import { DossierView } from './DossierView';
import { SatisfactionScreen } from './SatisfactionScreen';
import { SupplementPrint } from './SupplementPrint';
import './dossiers.css';

export function DossiersPage() {
  return (
    <Switch>
      <Route path="/:id/mau-02">{(p) => <SupplementPrint id={p.id} />}</Route>
      <Route path="/:id/danh-gia">{(p) => <SatisfactionScreen key={p.id} id={p.id} />}</Route>
      <Route path="/:id">{(p) => <DossierView key={p.id} id={p.id} />}</Route>
      <Route>
        <DossierList />
      </Route>
    </Switch>
  );
}
