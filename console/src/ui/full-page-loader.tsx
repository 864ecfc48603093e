import { LogoMark } from './icons.tsx';
import { Spinner } from './spinner.tsx';

export function FullPageLoader() {
  return (
    <div className="full-page-center">
      <LogoMark size={40} />
      <Spinner label="Loading Parley" />
    </div>
  );
}
