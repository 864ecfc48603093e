import { useRouteLoaderData } from 'react-router';
import type { AppData } from './loaders.ts';

/** The signed-in agent and instance facts, loaded once by the app route. */
export function useAppData(): AppData {
  const data = useRouteLoaderData<AppData>('app');
  if (!data) throw new Error('useAppData is only available inside the app route');
  return data;
}
