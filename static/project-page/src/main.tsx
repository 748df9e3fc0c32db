import { useState } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import { loadContext, useModuleContext } from '../../shared/forge-context';
import { startEarly } from '../../shared/use-operation';
import { EmptyView, Loading, mount } from '../../shared/ui';
import { Backlog } from './backlog';
import { backlogPayload } from './use-backlog-rows';
import { RoadmapView } from './roadmap';
import { ChangesView } from './changes';

function ProjectPage() {
  const { context } = useModuleContext();
  const [tab, setTab] = useState(0);
  if (!context) return <Loading label="Loading ValueRank…" />;
  if (!context.projectKey) return <EmptyView header="No project" description="Open ValueRank from a Jira project's sidebar." />;
  return (
    <main style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D') }}>
      <Tabs id="valuerank-tabs" selected={tab} onChange={setTab}>
        <TabList>
          <Tab>Backlog</Tab>
          <Tab>Roadmap</Tab>
          <Tab>Changes</Tab>
        </TabList>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>{tab === 0 && <Backlog projectKey={context.projectKey} />}</div>
        </TabPanel>
        <TabPanel>
          <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>{tab === 1 && <RoadmapView projectKey={context.projectKey} />}</div>
        </TabPanel>
        <TabPanel>{tab === 2 && <ChangesView projectKey={context.projectKey} />}</TabPanel>
      </Tabs>
    </main>
  );
}

// The backlog's first page is asked for as soon as the project is known, while React renders the page around it.
void loadContext().then((c) => {
  if (c.projectKey) startEarly('getBacklog', backlogPayload(c.projectKey, 0));
});
mount(<ProjectPage />);
