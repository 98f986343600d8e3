#include "ui/MainWindow.h"

namespace sb::ui {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Switchboard"));
}

} // namespace sb::ui
