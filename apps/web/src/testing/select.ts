import { fireEvent, waitFor } from '@testing-library/react';

/** Opens an antd select, types `search` (if any) and clicks the option whose text is `optionText`. */
export async function chooseOption(input: HTMLElement, optionText: string, search?: string): Promise<void> {
  fireEvent.mouseDown(input);
  if (search !== undefined) fireEvent.change(input, { target: { value: search } });
  const option = await waitFor(() => {
    const found = openOptions().find((item) => item.textContent === optionText);
    if (!found) throw new Error(`option "${optionText}" not shown yet`);
    return found;
  });
  fireEvent.click(option);
}

/** Options of the dropdowns open now: closed ones stay in the page, hidden or (happy-dom runs no animation) still "leaving". */
function openOptions(): Element[] {
  return [
    ...document.querySelectorAll('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"]) .ant-select-item-option'),
  ];
}

/** The texts of the options an open antd select shows now. */
export function shownOptions(): string[] {
  return openOptions().map((item) => item.textContent ?? '');
}
