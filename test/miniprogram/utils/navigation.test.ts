import { isTabPage, openPath } from '../../../miniprogram/utils/navigation';

afterEach(() => jest.restoreAllMocks());

it('knows the five tab pages, with or without a leading slash or query', () => {
  expect(isTabPage('/pages/money/index')).toBe(true);
  expect(isTabPage('pages/me/index?from=home')).toBe(true);
  expect(isTabPage('/pages/decisions/detail/index')).toBe(false);
});

it('switches to a tab without its query, which switchTab cannot carry', () => {
  const switchTab = jest.spyOn(wx, 'switchTab');
  const navigateTo = jest.spyOn(wx, 'navigateTo');

  openPath('/pages/decisions/index?id=d1');

  expect(switchTab).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/pages/decisions/index' }),
  );
  expect(navigateTo).not.toHaveBeenCalled();
});

it('navigates to any other page with its query', () => {
  const switchTab = jest.spyOn(wx, 'switchTab');
  const navigateTo = jest.spyOn(wx, 'navigateTo');

  openPath('pages/decisions/detail/index?id=d1');

  expect(navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({ url: '/pages/decisions/detail/index?id=d1' }),
  );
  expect(switchTab).not.toHaveBeenCalled();
});
