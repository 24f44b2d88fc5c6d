// Hồ sơ: the dossier desk, nested under /ho-so — the list, the queue of online submissions, a
// dossier's page, its Mẫu 02, an online submission's receipt and the citizen's satisfaction screen.
import { Route, Switch } from 'wouter';
import { DossierList } from './DossierList';
import { DossierView } from './DossierView';
import { OnlineQueue } from './OnlineQueue';
import { OnlineReceipt } from './OnlineReceipt';
import { SatisfactionScreen } from './SatisfactionScreen';
import { SupplementPrint } from './SupplementPrint';
import './dossiers.css';

export function DossiersPage() {
  return (
    <Switch>
      <Route path="/truc-tuyen">
        <OnlineQueue />
      </Route>
      <Route path="/:id/giay-tiep-nhan">{(p) => <OnlineReceipt id={p.id} />}</Route>
      <Route path="/:id/mau-02">{(p) => <SupplementPrint id={p.id} />}</Route>
      <Route path="/:id/danh-gia">{(p) => <SatisfactionScreen key={p.id} id={p.id} />}</Route>
      <Route path="/:id">{(p) => <DossierView key={p.id} id={p.id} />}</Route>
      <Route>
        <DossierList />
      </Route>
    </Switch>
  );
}
