export const MyDataIds = {
  showButton: 'my_data.show',
  deleteButton: 'my_data.delete',
  confirmModal: 'my_data.confirm_delete',
} as const;
