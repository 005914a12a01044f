import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusTag, toneOf } from './StatusTag';

describe('StatusTag', () => {
  it('shows the statusName the API gave, whatever the code', () => {
    render(<StatusTag status="returned" name="退回修改" />);
    expect(screen.getByText('退回修改')).toBeTruthy();
  });

  it('colours by the status code', () => {
    render(<StatusTag status="approved" name="已通过" />);
    expect(screen.getByText('已通过').className).toContain('ant-tag-green');
  });

  it('a tone from the API wins over the code', () => {
    render(<StatusTag status="approved" name="已通过（待公示）" tone="processing" />);
    expect(screen.getByText('已通过（待公示）').className).toContain('ant-tag-blue');
  });

  it('an unknown code is neutral', () => {
    expect(toneOf('something_new')).toBe('default');
    expect(toneOf('rejected')).toBe('error');
  });
});
