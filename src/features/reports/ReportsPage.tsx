// Báo cáo: the commune's dossier report and the register (Sổ theo dõi hồ sơ), nested under /bao-cao.
import { Route, Switch } from 'wouter';
import { RegisterView } from './RegisterView';
import { ReportView } from './ReportView';
import './reports.css';

export function ReportsPage() {
  return (
    <Switch>
      <Route path="/so-theo-doi">
        <RegisterView />
      </Route>
      <Route>
        <ReportView />
      </Route>
    </Switch>
  );
}
