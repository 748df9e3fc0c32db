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
import { MatrixView } from './matrix';
import { ShippedView } from './shipped';
import { SprintView } from './sprint';

/** The page's views, in tab order; each is rendered only while its tab is selected. */
const VIEWS: { label: string; View: (props: { projectKey: string }) => React.JSX.Element }[] = [
  { label: 'Backlog', View: Backlog },
  { label: 'Roadmap', View: RoadmapView },
  { label: 'Sprint', View: SprintView },
  { label: 'Changes', View: ChangesView },
  { label: 'Shipped', View: ShippedView },
  { label: 'Matrix', View: MatrixView },
];

function ProjectPage() {
  const { context } = useModuleContext();
  const [tab, setTab] = useState(0);
  if (!context) return <Loading label="Loading ValueRank…" />;
  if (!context.projectKey) return <EmptyView header="No project" description="Open ValueRank from a Jira project's sidebar." />;
  const projectKey = context.projectKey;
  return (
    <main style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D') }}>
      <Tabs id="valuerank-tabs" selected={tab} onChange={setTab}>
        <TabList>
          {VIEWS.map(({ label }) => (
            <Tab key={label}>{label}</Tab>
          ))}
        </TabList>
        {VIEWS.map(({ label, View }, i) => (
          <TabPanel key={label}>
            <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>{tab === i && <View projectKey={projectKey} />}</div>
          </TabPanel>
        ))}
      </Tabs>
    </main>
  );
}

// The backlog's first page is asked for as soon as the project is known, while React renders the page around it.
void loadContext().then((c) => {
  if (c.projectKey) startEarly('getBacklog', backlogPayload(c.projectKey, 0));
});
mount(<ProjectPage />);
