#include "ui/MainWindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    sb::ui::MainWindow window;
    window.show();
    return app.exec();
}
