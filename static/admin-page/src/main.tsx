import { useState } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { useModuleContext } from '../../shared/forge-context';
import { Loading, mount, text } from '../../shared/ui';
import { History } from './history';
import { SettingsForm } from './settings-form';

const PROJECT_SETTINGS_MODULE = 'valuerank-project-settings';

function AdminPage() {
  const { context } = useModuleContext();
  const [tab, setTab] = useState(0);
  const [historyTick, setHistoryTick] = useState(0);
  if (!context) return <Loading label="Loading settings…" />;
  // The project settings page edits that project's override; the admin page (global scope) edits the global config.
  const projectKey = context.moduleKey === PROJECT_SETTINGS_MODULE || (context.moduleKey === null && context.projectKey) ? context.projectKey : null;
  return (
    <main style={{ padding: token('space.200', '16px'), color: text.color, maxWidth: 960 }}>
      <h1 style={{ fontSize: '20px', margin: `0 0 ${token('space.100', '8px')}` }}>ValueRank settings {projectKey ? `for ${projectKey}` : '(all projects)'}</h1>
      <p style={{ color: text.subtle, marginTop: 0 }}>
        {projectKey
          ? `These settings override the global ones for ${projectKey} only; the data sources are the global ones for every project.`
          : 'These settings apply to every project without its own override (project admins can override them in Project settings → ValueRank).'}
      </p>
      <Tabs id="settings-tabs" selected={tab} onChange={setTab}>
        <TabList>
          <Tab>Settings</Tab>
          <Tab>History</Tab>
        </TabList>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
            {tab === 0 && <SettingsForm projectKey={projectKey} onSaved={() => setHistoryTick((t) => t + 1)} />}
          </div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>{tab === 1 && <History key={historyTick} projectKey={projectKey} />}</div>
        </TabPanel>
      </Tabs>
    </main>
  );
}

mount(<AdminPage />);
