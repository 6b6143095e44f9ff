import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SENSEI_STATUS_CODES } from '../src/core/statusCodes.js';

/** The Sensei API's status codes as the library reads them (`SENSEI_STATUS_CODES`). */
function StatusCodeTable() {
  return (
    <table className="sensei-table">
      <caption>Sensei API status codes</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Status</th>
          <th scope="col">Description</th>
          <th scope="col">Common use / solution</th>
        </tr>
      </thead>
      <tbody>
        {SENSEI_STATUS_CODES.map((row) => (
          <tr key={row.status}>
            <td>{row.status}</td>
            <td>{row.statusText}</td>
            <td>{row.description}</td>
            <td>{row.hint}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const meta = {
  title: 'Reference/Status codes',
  component: StatusCodeTable,
} satisfies Meta<typeof StatusCodeTable>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AllCodes: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByRole('row')).toHaveLength(SENSEI_STATUS_CODES.length + 1);
    await expect(canvas.getByText('Too Many Requests')).toBeInTheDocument();
  },
};
