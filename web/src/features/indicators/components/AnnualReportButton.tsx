import { Button } from 'antd';

/** Placeholder until the annual work summary endpoint lands. */
export function AnnualReportButton({ year }: { year: number }) {
  return <Button disabled>{year}年工作总结</Button>;
}
