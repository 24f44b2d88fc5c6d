// Tiếp nhận hồ sơ: the routes of dossier intake, nested under /tiep-nhan.
import { Route, Switch } from 'wouter';
import { DraftEditor } from './editor/DraftEditor';
import { IntakeHome } from './IntakeHome';
import { NewDraft } from './NewDraft';
import { FeeReceiptView } from './print/FeeReceiptView';
import { ReceiptView } from './print/ReceiptView';
import { RefusalView } from './print/RefusalView';
import { SupplementView } from './print/SupplementView';

export function IntakePage() {
  return (
    <Switch>
      <Route path="/moi/:code">{(p) => <NewDraft code={decodeURIComponent(p.code)} />}</Route>
      <Route path="/nhap/:id">{(p) => <DraftEditor key={p.id} id={p.id} />}</Route>
      <Route path="/giay-hen/:id">{(p) => <ReceiptView id={p.id} />}</Route>
      <Route path="/bien-lai/:id">{(p) => <FeeReceiptView id={p.id} />}</Route>
      <Route path="/bo-sung/:id">{(p) => <SupplementView draftId={p.id} />}</Route>
      <Route path="/tu-choi/:id">{(p) => <RefusalView id={p.id} />}</Route>
      <Route>
        <IntakeHome />
      </Route>
    </Switch>
  );
}
