import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { App } from './App';
import { StoreProvider } from './store';
import './styles.css';

const theme = {
  token: {
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
    fontSize: 14,
    fontFamily:
      '"Microsoft YaHei", "微软雅黑", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", system-ui, sans-serif',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#0f2d5c', headerHeight: 52, headerPadding: '0 20px' },
    Menu: { darkItemBg: '#0f2d5c', darkItemSelectedBg: '#1f5fbf', darkSubMenuItemBg: '#0f2d5c' },
    Table: { cellPaddingBlockSM: 6 },
  },
};

// A file dropped outside the drop zone must not navigate the window to it.
window.addEventListener('dragover', (e) => e.preventDefault());
window.addEventListener('drop', (e) => e.preventDefault());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={theme}>
        <AntApp>
          <StoreProvider>
            <App />
          </StoreProvider>
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
